/** A section's menu under the site header (the patient's pages, the operator console); the current page is marked. */
export function SectionNav({ label, links, pathname }: { label: string; links: ReadonlyArray<{ href: string; label: string }>; pathname: string }) {
  return (
    <nav className="nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.href}><a href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>{link.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}
