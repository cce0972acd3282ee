import { messages } from '@/lib/i18n';

export default async function NotFound() {
  const { t } = await messages();
  return (
    <main id="main" className="page">
      <section className="state" data-state="not-found">
        <h1>{t.notFoundTitle}</h1>
        <p><a className="button" href="/">{t.backHome}</a></p>
      </section>
    </main>
  );
}
