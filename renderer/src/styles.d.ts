// Vite bundles imported CSS files; TypeScript only needs to know the import is allowed.
declare module '*.css';
