import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./content/**/*.{md,mdx}"],
  theme: {
    extend: {
      colors: {
        // Accessible palette: every text colour used on white passes WCAG AA (>= 4.5:1).
        brand: { 50: "#eef6f7", 100: "#d5eaed", 600: "#0f6674", 700: "#0b525d", 800: "#083f48", 900: "#062f36" },
      },
      fontSize: { base: ["1.0625rem", "1.6"] },
    },
  },
  plugins: [],
} satisfies Config;
