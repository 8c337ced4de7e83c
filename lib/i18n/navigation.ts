import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware Link, redirect and friends: `/events/x` becomes `/pt/events/x` for a Portuguese reader. */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
