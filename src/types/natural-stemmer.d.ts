declare module "natural/lib/natural/stemmers/porter_stemmer_ru.js" {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
