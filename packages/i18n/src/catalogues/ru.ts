// The ru catalogues, one JSON file per namespace.
import common from '../../locales/ru/common.json' with { type: 'json' };
import errors from '../../locales/ru/errors.json' with { type: 'json' };
import auth from '../../locales/ru/auth.json' with { type: 'json' };
import registry from '../../locales/ru/registry.json' with { type: 'json' };
import eligibility from '../../locales/ru/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/ru/vocabulary.json' with { type: 'json' };
import audit from '../../locales/ru/audit.json' with { type: 'json' };
import reports from '../../locales/ru/reports.json' with { type: 'json' };
import records from '../../locales/ru/records.json' with { type: 'json' };
import cli from '../../locales/ru/cli.json' with { type: 'json' };
import scoring from '../../locales/ru/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
