package io.newsflow.analysis.linking;

import java.util.Set;

/**
 * Words that say a sentence is about business, in the languages the knowledge base has names in: a one-word company
 * or brand name of the name-suggestion-index ("Amazon", "Apple", "International", "Tesla") links only in an article
 * where a sentence naming it has one of them, since such names are common words or places as often as companies ("the Amazon rainforest",
 * "the International Space Station"). The words are folded (lower case, no diacritics; see
 * {@link io.newsflow.analysis.text.Folding}) and matched as whole words. Stateless and thread-safe.
 */
final class BusinessWords {
    /** How far either side of a name the sentence is searched (bounds the work on text without punctuation). */
    static final int REACH = 300;

    static final Set<String> WORDS = Set.of(
            // en
            "company",
            "companies",
            "firm",
            "firms",
            "brand",
            "brands",
            "shop",
            "shops",
            "store",
            "stores",
            "retailer",
            "retailers",
            "maker",
            "manufacturer",
            "manufacturers",
            "corporation",
            "conglomerate",
            "business",
            "businesses",
            "ceo",
            "shares",
            "shareholders",
            "stock",
            "investors",
            "subsidiary",
            "airline",
            "carrier",
            "products",
            "customers",
            "founder",
            "inc",
            "corp",
            "ltd",
            "plc",
            "llc",
            "automaker",
            "carmaker",
            "giant",
            "platform",
            "app",
            "sales",
            "revenue",
            "profits",
            "industry",
            "market",
            "employees",
            "contract",
            "deal",
            "chain",
            "supplier",
            "internet",
            "online",
            "web",
            "search",
            "software",
            "smartphone",
            "technology",
            // es
            "empresa",
            "empresas",
            "compania",
            "companias",
            "marca",
            "marcas",
            "tienda",
            "tiendas",
            "firma",
            "fabricante",
            "fabricantes",
            "multinacional",
            "corporacion",
            "accionistas",
            "acciones",
            "filial",
            "aerolinea",
            "productos",
            "clientes",
            "fundador",
            "consejero",
            "negocio",
            "negocios",
            "petrolera",
            "automotriz",
            "tecnologica",
            "gigante",
            "plataforma",
            "ventas",
            "ingresos",
            "ganancias",
            "industria",
            "mercado",
            "empleados",
            "contrato",
            "cadena",
            "proveedor",
            "buscador",
            "busqueda",
            "busquedas",
            "tecnologia",
            // fr
            "entreprise",
            "entreprises",
            "societe",
            "societes",
            "marque",
            "marques",
            "magasin",
            "magasins",
            "groupe",
            "fabricant",
            "constructeur",
            "pdg",
            "actionnaires",
            "clients",
            "produits",
            // pt
            "companhia",
            "loja",
            "lojas",
            "acionistas",
            // de
            "unternehmen",
            "konzern",
            "marke",
            "hersteller",
            "aktien",
            // it
            "azienda",
            "societa",
            "negozio",
            "produttore");

    private BusinessWords() {}

    /**
     * Whether the sentence around {@code [begin, end)} of {@code original} text, read in its {@code folded} form, (at most {@value #REACH} chars either
     * side) holds a business word.
     */
    static boolean inSentence(String original, String folded, int begin, int end) {
        int from = begin;
        int limit = Math.max(0, begin - REACH);
        while (from > limit && !endsSentence(original.charAt(from - 1))) {
            from--;
        }
        int to = end;
        int stop = Math.min(folded.length(), end + REACH);
        while (to < stop && !endsSentence(original.charAt(to))) {
            to++;
        }
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(folded.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < to && Character.isLetter(folded.charAt(i))) {
                i++;
            }
            if (i > wordStart && (wordStart < begin || wordStart >= end) && isWord(folded, wordStart, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(String folded, int start, int end) {
        int length = end - start;
        return length >= 2 && length <= 13 && WORDS.contains(folded.substring(start, end));
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r';
    }
}
