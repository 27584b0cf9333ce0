/** Where the e2e server's Content-Security-Policy sends its violation reports (the harness intercepts them). */
export const CSP_REPORT_PATH = '/__csp-report';
