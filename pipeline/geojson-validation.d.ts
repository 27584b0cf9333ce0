declare module 'geojson-validation' {
  /** Returns true, or with trace=true a list of problems (empty when valid). */
  export function valid(obj: unknown, trace?: boolean): boolean | string[];
  const gjv: { valid: typeof valid };
  export default gjv;
}
