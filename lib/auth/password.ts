import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a wrong email and a wrong password
// take the same time and cannot be told apart.
export const UNKNOWN_USER_HASH = "$2b$10$.8IiELlzzf3utqac6stPSeP5huer0IhNTPZjGtgacRgxjgqb0wUbW";
