import "server-only";
import { notFound } from "next/navigation";
import { isAdminError } from "./errors";

/** A page's read, with a row missing or out of the actor's scope answered as Next's 404 (a database outage stays an error). */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isAdminError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}
