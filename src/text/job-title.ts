// Tells job titles and credentials ("Senior Architect", "MVP") from names, for tag lines and organisation checks.

/** Words of job titles and credentials; a part holding one is a role, never an organisation. */
export const ROLE_WORDS =
  /\b(?:architect|consultant|consulant|director|lead|leader|advocate|engineer|developer|manager|ceo|cto|cio|coo|vp|president|founder|co-founder|officer|head|principal|expert|specialist|tester|technologist|advisor|adviser|analyst|owner|partner|trainer|coach|mentor|speaker|blogger|author|evangelist|designer|scientist|researcher|student|freelancer?|mvp|mct|rd|cissp|ccsp|sme|podcaster|cohost|co-host|host|guide|enthusiast|champion|finalist|chief|senior|junior|solutions?|consulting|microsoft certified|geek|nerd|fan)\b/i;

/** Words that company names do not use ("Contoso Solutions" and "IBM Consulting" are companies). */
const TITLE_WORDS =
  /\b(?:architect|consultant|director|engineer|developer|manager|ceo|cto|cio|vp|president|founder|co-founder|officer|specialist|advocate|evangelist|mvp|senior|principal|freelancer?)\b/i;

/** Whether an organisation's name reads as a job title: "Solution Architect", "Microsoft MVP". */
export function looksLikeJobTitle(name: string): boolean {
  return TITLE_WORDS.test(name);
}
