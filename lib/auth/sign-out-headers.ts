/**
 * On every sign-out answer: the browser drops the pages the service worker kept (the order
 * pages with their QR codes), its HTTP cache and the door scanner's stored door lists, so
 * nothing of the account stays readable on the phone (issue 26, item 5).
 */
export const CLEAR_SITE_DATA = '"cache", "storage"';
