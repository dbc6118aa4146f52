import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Ankle pathway",
  description: "Posterior ankle impingement care pathway for clinic staff",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body>{children}</body>
    </html>
  );
}
