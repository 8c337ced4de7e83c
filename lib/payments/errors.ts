/** A payment that cannot be given back as recorded (no provider by that name, no reference): the refund job fails and retries, then an admin looks. */
export class RefundError extends Error {}
