/**
 * How many of the person's latest cases the home page's 我的办件 looks at. Its own zod-free module: the
 * case functions read it without pulling the API schemas (and their registrations) into every bundle.
 */
export const CASE_OVERVIEW_SIZE = 10;
