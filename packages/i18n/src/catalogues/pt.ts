// The pt catalogues, one JSON file per namespace.
import common from '../../locales/pt/common.json' with { type: 'json' };
import errors from '../../locales/pt/errors.json' with { type: 'json' };
import auth from '../../locales/pt/auth.json' with { type: 'json' };
import registry from '../../locales/pt/registry.json' with { type: 'json' };
import eligibility from '../../locales/pt/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/pt/vocabulary.json' with { type: 'json' };
import audit from '../../locales/pt/audit.json' with { type: 'json' };
import reports from '../../locales/pt/reports.json' with { type: 'json' };
import records from '../../locales/pt/records.json' with { type: 'json' };
import cli from '../../locales/pt/cli.json' with { type: 'json' };
import scoring from '../../locales/pt/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
