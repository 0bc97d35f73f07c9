// The hi catalogues, one JSON file per namespace.
import common from '../../locales/hi/common.json' with { type: 'json' };
import errors from '../../locales/hi/errors.json' with { type: 'json' };
import auth from '../../locales/hi/auth.json' with { type: 'json' };
import registry from '../../locales/hi/registry.json' with { type: 'json' };
import eligibility from '../../locales/hi/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/hi/vocabulary.json' with { type: 'json' };
import audit from '../../locales/hi/audit.json' with { type: 'json' };
import reports from '../../locales/hi/reports.json' with { type: 'json' };
import records from '../../locales/hi/records.json' with { type: 'json' };
import cli from '../../locales/hi/cli.json' with { type: 'json' };
import scoring from '../../locales/hi/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
