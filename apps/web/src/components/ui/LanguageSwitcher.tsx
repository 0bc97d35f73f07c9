import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, currentLanguage } from '../../lib/i18n.ts';

/** Six languages, each named in itself; the choice is remembered by the i18n setup. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('common');
  return (
    <Select
      data-testid="language-switcher"
      aria-label={t('language.label')}
      size="small"
      variant="borderless"
      suffixIcon={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      value={currentLanguage(i18n)}
      onChange={(lang) => void i18n.changeLanguage(lang)}
      options={LANGUAGES.map((lang) => ({
        value: lang,
        label: (
          <span lang={lang} data-testid={`language-option-${lang}`}>
            {LANGUAGE_NAMES[lang]}
          </span>
        ),
      }))}
    />
  );
}
