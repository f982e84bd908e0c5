/** Shared helpers of the FakeCloud tests. */
import assert from "node:assert/strict";
import type { FakeCloud } from "../../../src/testing/mod.ts";

export type Json = Record<string, unknown>;

export function passwordAuth(
  user: Json,
  password: string,
  scope?: unknown,
): Json {
  return {
    auth: {
      identity: { methods: ["password"], password: { user: { ...user, password } } },
      ...(scope === undefined ? {} : { scope }),
    },
  };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) as Json : undefined };
}

export async function call(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { "x-auth-token": token } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Json | undefined;
  try {
    parsed = text ? JSON.parse(text) as Json : undefined;
  } catch {
    parsed = { text };
  }
  return { res, body: parsed };
}

export const projectScope = (name: string) => ({ project: { name, domain: { name: "Default" } } });

export async function login(cloud: FakeCloud, who: "admin" | "demo" = "admin"): Promise<string> {
  const u = who === "admin" ? cloud.admin : cloud.demo;
  const { res } = await post(
    `${cloud.authUrl}/auth/tokens`,
    passwordAuth(
      { name: u.username, domain: { name: "Default" } },
      u.password,
      projectScope(u.projectName),
    ),
  );
  assert.equal(res.status, 201);
  return res.headers.get("x-subject-token") ?? "";
}
