package uk.safeguarding.notification.shared.operations;

import java.util.List;

/**
 * What one {@link OperationsPanel} shows: a sentence, a few figures, and tables of plain text cells. Plain values, so
 * the page and the JSON API render the same thing and a panel needs no template of its own.
 *
 * @param lead    one sentence saying what the section is about, or the state of things
 * @param figures headline numbers
 * @param tables  details, each with its own caption
 */
public record PanelView(String lead, List<Figure> figures, List<Table> tables) {

    public PanelView {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    /**
     * One headline number.
     *
     * @param attention true when it needs someone to act (shown highlighted)
     */
    public record Figure(String label, String value, boolean attention) {
    }

    /**
     * A table; every row has one cell per heading.
     *
     * @param whenEmpty what to say instead of an empty table
     */
    public record Table(String caption, List<String> headings, List<List<String>> rows, String whenEmpty) {

        public Table {
            headings = List.copyOf(headings);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != headings.size()) {
                    throw new IllegalArgumentException(caption + ": a row has " + row.size() + " cells for "
                            + headings.size() + " headings");
                }
            }
        }
    }
}
