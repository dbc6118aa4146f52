import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Kept out of the server bundle: native or Node-only packages loaded at run time.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
