// The message catalogues, one JSON file per language and namespace.
// Adding a namespace: create locales/<lang>/<ns>.json for every language and list it here.
import vi_common from '../locales/vi/common.json' with { type: 'json' };
import vi_errors from '../locales/vi/errors.json' with { type: 'json' };
import vi_auth from '../locales/vi/auth.json' with { type: 'json' };
import vi_registry from '../locales/vi/registry.json' with { type: 'json' };
import vi_eligibility from '../locales/vi/eligibility.json' with { type: 'json' };
import vi_vocabulary from '../locales/vi/vocabulary.json' with { type: 'json' };
import vi_audit from '../locales/vi/audit.json' with { type: 'json' };
import vi_reports from '../locales/vi/reports.json' with { type: 'json' };
import vi_records from '../locales/vi/records.json' with { type: 'json' };
import vi_cli from '../locales/vi/cli.json' with { type: 'json' };
import en_common from '../locales/en/common.json' with { type: 'json' };
import en_errors from '../locales/en/errors.json' with { type: 'json' };
import en_auth from '../locales/en/auth.json' with { type: 'json' };
import en_registry from '../locales/en/registry.json' with { type: 'json' };
import en_eligibility from '../locales/en/eligibility.json' with { type: 'json' };
import en_vocabulary from '../locales/en/vocabulary.json' with { type: 'json' };
import en_audit from '../locales/en/audit.json' with { type: 'json' };
import en_reports from '../locales/en/reports.json' with { type: 'json' };
import en_records from '../locales/en/records.json' with { type: 'json' };
import en_cli from '../locales/en/cli.json' with { type: 'json' };
import ru_common from '../locales/ru/common.json' with { type: 'json' };
import ru_errors from '../locales/ru/errors.json' with { type: 'json' };
import ru_auth from '../locales/ru/auth.json' with { type: 'json' };
import ru_registry from '../locales/ru/registry.json' with { type: 'json' };
import ru_eligibility from '../locales/ru/eligibility.json' with { type: 'json' };
import ru_vocabulary from '../locales/ru/vocabulary.json' with { type: 'json' };
import ru_audit from '../locales/ru/audit.json' with { type: 'json' };
import ru_reports from '../locales/ru/reports.json' with { type: 'json' };
import ru_records from '../locales/ru/records.json' with { type: 'json' };
import ru_cli from '../locales/ru/cli.json' with { type: 'json' };
import uk_common from '../locales/uk/common.json' with { type: 'json' };
import uk_errors from '../locales/uk/errors.json' with { type: 'json' };
import uk_auth from '../locales/uk/auth.json' with { type: 'json' };
import uk_registry from '../locales/uk/registry.json' with { type: 'json' };
import uk_eligibility from '../locales/uk/eligibility.json' with { type: 'json' };
import uk_vocabulary from '../locales/uk/vocabulary.json' with { type: 'json' };
import uk_audit from '../locales/uk/audit.json' with { type: 'json' };
import uk_reports from '../locales/uk/reports.json' with { type: 'json' };
import uk_records from '../locales/uk/records.json' with { type: 'json' };
import uk_cli from '../locales/uk/cli.json' with { type: 'json' };
import hi_common from '../locales/hi/common.json' with { type: 'json' };
import hi_errors from '../locales/hi/errors.json' with { type: 'json' };
import hi_auth from '../locales/hi/auth.json' with { type: 'json' };
import hi_registry from '../locales/hi/registry.json' with { type: 'json' };
import hi_eligibility from '../locales/hi/eligibility.json' with { type: 'json' };
import hi_vocabulary from '../locales/hi/vocabulary.json' with { type: 'json' };
import hi_audit from '../locales/hi/audit.json' with { type: 'json' };
import hi_reports from '../locales/hi/reports.json' with { type: 'json' };
import hi_records from '../locales/hi/records.json' with { type: 'json' };
import hi_cli from '../locales/hi/cli.json' with { type: 'json' };
import pt_common from '../locales/pt/common.json' with { type: 'json' };
import pt_errors from '../locales/pt/errors.json' with { type: 'json' };
import pt_auth from '../locales/pt/auth.json' with { type: 'json' };
import pt_registry from '../locales/pt/registry.json' with { type: 'json' };
import pt_eligibility from '../locales/pt/eligibility.json' with { type: 'json' };
import pt_vocabulary from '../locales/pt/vocabulary.json' with { type: 'json' };
import pt_audit from '../locales/pt/audit.json' with { type: 'json' };
import pt_reports from '../locales/pt/reports.json' with { type: 'json' };
import pt_records from '../locales/pt/records.json' with { type: 'json' };
import pt_cli from '../locales/pt/cli.json' with { type: 'json' };

export const resources = {
  vi: {
    common: vi_common,
    errors: vi_errors,
    auth: vi_auth,
    registry: vi_registry,
    eligibility: vi_eligibility,
    vocabulary: vi_vocabulary,
    audit: vi_audit,
    reports: vi_reports,
    records: vi_records,
    cli: vi_cli,
  },
  en: {
    common: en_common,
    errors: en_errors,
    auth: en_auth,
    registry: en_registry,
    eligibility: en_eligibility,
    vocabulary: en_vocabulary,
    audit: en_audit,
    reports: en_reports,
    records: en_records,
    cli: en_cli,
  },
  ru: {
    common: ru_common,
    errors: ru_errors,
    auth: ru_auth,
    registry: ru_registry,
    eligibility: ru_eligibility,
    vocabulary: ru_vocabulary,
    audit: ru_audit,
    reports: ru_reports,
    records: ru_records,
    cli: ru_cli,
  },
  uk: {
    common: uk_common,
    errors: uk_errors,
    auth: uk_auth,
    registry: uk_registry,
    eligibility: uk_eligibility,
    vocabulary: uk_vocabulary,
    audit: uk_audit,
    reports: uk_reports,
    records: uk_records,
    cli: uk_cli,
  },
  hi: {
    common: hi_common,
    errors: hi_errors,
    auth: hi_auth,
    registry: hi_registry,
    eligibility: hi_eligibility,
    vocabulary: hi_vocabulary,
    audit: hi_audit,
    reports: hi_reports,
    records: hi_records,
    cli: hi_cli,
  },
  pt: {
    common: pt_common,
    errors: pt_errors,
    auth: pt_auth,
    registry: pt_registry,
    eligibility: pt_eligibility,
    vocabulary: pt_vocabulary,
    audit: pt_audit,
    reports: pt_reports,
    records: pt_records,
    cli: pt_cli,
  },
};
