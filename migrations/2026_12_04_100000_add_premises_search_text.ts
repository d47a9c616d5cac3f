// Register search that folds case, accents, apostrophes, "&"/"and" and punctuation, and finds a
// licence holder: premises.search_text is computed by the database from the name, address,
// postcode (with and without its space), licence number and licence holder, so every writer
// (imports, the API, the demo) keeps it current without knowing it exists. The steps are those
// of foldForSearch in shared/search-fold.ts, written out here because a migration is frozen;
// test/premises/search.test.ts checks that the two agree.
import { sql, type Kysely } from 'kysely'

const ACCENTED = 'àáâãäåāçćčèéêëēėęìíîïīłñńòóôõöøōśšùúûüūýÿžźżÀÁÂÃÄÅĀÇĆČÈÉÊËĒĖĘÌÍÎÏĪŁÑŃÒÓÔÕÖØŌŚŠÙÚÛÜŪÝŸŽŹŻ'
const PLAIN = 'aaaaaaaccceeeeeeeiiiiilnnooooooossuuuuuyyzzzaaaaaaaccceeeeeeeiiiiilnnooooooossuuuuuyyzzz'

function fold (text: string) {
  return `btrim(regexp_replace(replace(regexp_replace(translate(lower(${text}), '${ACCENTED}', '${PLAIN}'), '[''’‘\`]', '', 'g'), '&', ' and '), '[^a-z0-9]+', ' ', 'g'))`
}

export async function up (db: Kysely<any>): Promise<void> {
  const source = "coalesce(name, '') || ' ' || coalesce(address, '') || ' ' || coalesce(postcode, '') || ' ' || replace(coalesce(postcode, ''), ' ', '') || ' ' || coalesce(licence_number, '') || ' ' || coalesce(licence_holder, '')"
  await sql.raw(`alter table premises add column search_text text generated always as (${fold(source)}) stored`).execute(db)
}

export async function down (db: Kysely<any>): Promise<void> {
  await sql`alter table premises drop column search_text`.execute(db)
}
