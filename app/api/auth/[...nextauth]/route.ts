import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { authRoute } from "@/lib/auth/auth-route";

// Auth.js's own routes, with the app's body cap, sign-out everywhere and live sessions.
export const GET = authRoute((request) => handlers.GET(new NextRequest(request)));
export const POST = authRoute((request) => handlers.POST(new NextRequest(request)));
