/**
 * The one content-security policy of every page the server sends: the web application and the API documentation
 * (Swagger UI) alike.
 */
export function contentSecurityDirectives(https: boolean): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    // Ant Design injects its CSS at run time, and Swagger UI sets inline styles from its script
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    // offices often serve the application over plain HTTP on their own network: upgrading its requests to HTTPS
    // there would break every asset
    upgradeInsecureRequests: https ? [] : null,
  };
}

/** The same policy as a header value, for pages served outside helmet (Swagger UI's static files). */
export function contentSecurityHeader(https: boolean): string {
  return Object.entries(contentSecurityDirectives(https))
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...values].join(' '))
    .join(';');
}
