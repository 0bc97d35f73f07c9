import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, currentLanguage } from '../../lib/i18n.ts';

/**
 * The six languages as a row of links, each named in itself: the login page's choice of language, lighter to load
 * than the header's select (the choice is remembered by the i18n setup all the same).
 */
export function LanguageLinks() {
  const { t, i18n } = useTranslation('common');
  const current = currentLanguage(i18n);
  return (
    <Flex wrap justify="center" role="group" aria-label={t('language.label')} data-testid="language-links">
      {LANGUAGES.map((lang) => (
        <Button
          key={lang}
          type="link"
          size="small"
          lang={lang}
          aria-current={lang === current ? 'true' : undefined}
          style={lang === current ? { color: 'inherit', fontWeight: 600, cursor: 'default' } : undefined}
          onClick={() => void i18n.changeLanguage(lang)}
          data-testid={`language-link-${lang}`}
        >
          {LANGUAGE_NAMES[lang]}
        </Button>
      ))}
    </Flex>
  );
}
