/**
 * The engine's PKI endpoint: `GET /ovirt-engine/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA`
 * (and `/ca.crt`, where clients such as libgovirt look for the CA), served
 * when the engine serves TLS.
 *
 * @module
 */

/** The paths the PKI endpoint answers. */
export const PKI_PATHS: readonly string[] = ["/ovirt-engine/services/pki-resource", "/ca.crt"];

/** The certificates an engine with TLS hands out. */
export interface PkiCerts {
  /** The engine's own certificate (PEM). */
  cert: string;
  /** The CA certificate (PEM). */
  ca: string;
}

function notFound(text: string): Response {
  return new Response(`${text}\n`, { status: 404, headers: { "content-type": "text/plain" } });
}

/** Answers a PKI request; 404 without TLS or for a resource the engine does not have. */
export function caResponse(path: string, query: URLSearchParams, certs?: PkiCerts): Response {
  if (!certs) return notFound("The engine has no PKI: it does not serve TLS.");
  const resource = path === "/ca.crt" ? "ca-certificate" : query.get("resource");
  const format = path === "/ca.crt" ? "X509-PEM-CA" : query.get("format") ?? "X509-PEM-CA";
  if (format !== "X509-PEM-CA" && format !== "X509-PEM") {
    return new Response(`Unsupported format '${format}'.\n`, {
      status: 400,
      headers: { "content-type": "text/plain" },
    });
  }
  if (resource === "ca-certificate") {
    return new Response(certs.ca, { headers: { "content-type": "application/x-x509-ca-cert" } });
  }
  if (resource === "engine-certificate") {
    return new Response(certs.cert.trim() + "\n", {
      headers: { "content-type": "application/x-x509-cert" },
    });
  }
  return notFound(`Unknown resource '${resource ?? ""}'.`);
}
