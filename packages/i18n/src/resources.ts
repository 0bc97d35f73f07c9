// Every language's catalogues, for the server and the command line. The web app loads one language at a time
// (load.ts). Adding a namespace: create locales/<lang>/<ns>.json for every language, import it in each
// catalogues/<lang>.ts and name it in NAMESPACES (languages.ts).
import vi from './catalogues/vi.ts';
import en from './catalogues/en.ts';
import ru from './catalogues/ru.ts';
import uk from './catalogues/uk.ts';
import hi from './catalogues/hi.ts';
import pt from './catalogues/pt.ts';

export const resources = { vi, en, ru, uk, hi, pt };

/** One language's catalogues, by namespace. */
export type Catalogue = (typeof resources)['vi'];
