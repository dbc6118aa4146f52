import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Kept out of the server bundle: native or Node-only packages loaded at run time.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Pages and API answers get their security headers from proxy.ts, which does not run for the
  // build's static files: these get the ones that matter for a script or style sheet.
  async headers() {
    const constant = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    return [
      { source: "/_next/static/:path*", headers: constant },
      { source: "/_next/image", headers: constant },
      { source: "/favicon.ico", headers: constant },
    ];
  },
};

export default nextConfig;
