// The vi catalogues, one JSON file per namespace.
import common from '../../locales/vi/common.json' with { type: 'json' };
import errors from '../../locales/vi/errors.json' with { type: 'json' };
import auth from '../../locales/vi/auth.json' with { type: 'json' };
import registry from '../../locales/vi/registry.json' with { type: 'json' };
import eligibility from '../../locales/vi/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/vi/vocabulary.json' with { type: 'json' };
import audit from '../../locales/vi/audit.json' with { type: 'json' };
import reports from '../../locales/vi/reports.json' with { type: 'json' };
import records from '../../locales/vi/records.json' with { type: 'json' };
import cli from '../../locales/vi/cli.json' with { type: 'json' };
import scoring from '../../locales/vi/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
