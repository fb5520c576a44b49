/**
 * Imported first by main.ts, before graphql-js loads: graphql-js chooses its code paths from
 * NODE_ENV once, when it is first loaded, and outside production it adds checks to every
 * `instanceOf` (in completing every value). Servers run with NODE_ENV=production, so the
 * in-process comparison does too, unless NODE_ENV is set otherwise.
 */
process.env.NODE_ENV ??= 'production';

export {};
