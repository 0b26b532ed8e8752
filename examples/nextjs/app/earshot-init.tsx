"use client";
import { useEffect } from "react";
import type { EarshotConfig } from "earshot";

const config: EarshotConfig = {
  endpoint: "/api/earshot",
  surveys: [
    {
      id: "docs-csat",
      questions: [{ id: "satisfaction", type: "csat", text: "How satisfied are you with this guide?" }],
      thanks: "Thank you!",
    },
  ],
};

/**
 * Where `init` goes in the App Router: an effect of a client component in the root layout. It
 * runs in the browser only, after hydration, and the layout stays mounted across navigations.
 * The dynamic import keeps Earshot out of the JavaScript every page loads first.
 */
export function EarshotInit() {
  useEffect(() => {
    void import("earshot").then(({ init }) => init(config));
  }, []);
  return null;
}
