// The uk catalogues, one JSON file per namespace.
import common from '../../locales/uk/common.json' with { type: 'json' };
import errors from '../../locales/uk/errors.json' with { type: 'json' };
import auth from '../../locales/uk/auth.json' with { type: 'json' };
import registry from '../../locales/uk/registry.json' with { type: 'json' };
import eligibility from '../../locales/uk/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/uk/vocabulary.json' with { type: 'json' };
import audit from '../../locales/uk/audit.json' with { type: 'json' };
import reports from '../../locales/uk/reports.json' with { type: 'json' };
import records from '../../locales/uk/records.json' with { type: 'json' };
import cli from '../../locales/uk/cli.json' with { type: 'json' };
import scoring from '../../locales/uk/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
