import type { ReactNode } from "react";
import { EarshotInit } from "./earshot-init";

export const metadata = { title: "Earshot in Next.js" };

/** The root layout (a server component): Earshot starts from a client component in it, once per visit. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <EarshotInit />
        {children}
      </body>
    </html>
  );
}
