// The en catalogues, one JSON file per namespace.
import common from '../../locales/en/common.json' with { type: 'json' };
import errors from '../../locales/en/errors.json' with { type: 'json' };
import auth from '../../locales/en/auth.json' with { type: 'json' };
import registry from '../../locales/en/registry.json' with { type: 'json' };
import eligibility from '../../locales/en/eligibility.json' with { type: 'json' };
import vocabulary from '../../locales/en/vocabulary.json' with { type: 'json' };
import audit from '../../locales/en/audit.json' with { type: 'json' };
import reports from '../../locales/en/reports.json' with { type: 'json' };
import records from '../../locales/en/records.json' with { type: 'json' };
import cli from '../../locales/en/cli.json' with { type: 'json' };
import scoring from '../../locales/en/scoring.json' with { type: 'json' };

export default { common, errors, auth, registry, eligibility, vocabulary, audit, reports, records, scoring, cli };
