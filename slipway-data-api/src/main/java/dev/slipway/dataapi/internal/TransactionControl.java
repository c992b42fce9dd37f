package dev.slipway.dataapi.internal;

import dev.slipway.core.Engine;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses transaction control written as SQL ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, ...) outside a Data
 * API transaction, where it would leave the pooled connection in a transaction that later requests of other clients
 * join (and a later rollback would discard rows already answered as written). Inside a Data API transaction the
 * connection is the caller's alone until the transaction ends (and is reset then), so there SQL {@code COMMIT}
 * commits that caller's work so far and the transaction goes on: the JDBC driver's pinned sessions rely on it.
 * PostgreSQL statements are split as pgjdbc will send them (its own parser), so
 * {@code select 1; begin} is seen; MySQL runs one statement per request, and its executable comments
 * ({@code /*! ... *}{@code /}) count as text. What a procedure does is not visible here: the connection's state is
 * checked after the request as well ({@link ProxyEngine#inTransaction}).
 */
final class TransactionControl {

    private static final Set<String> CONTROL = Set.of(
            "begin",
            "start",
            "commit",
            "rollback",
            "end",
            "abort",
            "xa",
            "prepare transaction",
            "savepoint",
            "release",
            "rollback to");

    private TransactionControl() {}

    /** Throws BadRequestException when {@code sql}, run outside a Data API transaction, controls transactions. */
    static void refuseOutsideTransactions(String sql, Engine engine) {
        ProxyEngine rules = ProxyEngine.of(engine);
        for (String statement : rules.statements(sql)) {
            String words = leadingWords(statement, rules.mysqlSyntax());
            if (verb(words) == null) continue;
            throw DataApiException.badRequest(words.toUpperCase(Locale.ROOT) + " outside a Data API transaction is"
                    + " refused: each ExecuteStatement without a transactionId commits on its own. To group statements,"
                    + " call BeginTransaction, pass its transactionId, then CommitTransaction or RollbackTransaction."
                    + " Nothing of this request ran.");
        }
    }

    /** The transaction-control verb {@code words} start with, or null. */
    private static String verb(String words) {
        if (words.startsWith("rollback to ") || words.equals("rollback to")) return "rollback to";
        if (words.startsWith("prepare transaction")) return "prepare transaction";
        if (words.startsWith("set autocommit")) return "begin"; // MySQL: the next statements would stay open
        String first = words.contains(" ") ? words.substring(0, words.indexOf(' ')) : words;
        if (first.equals("start") && !words.startsWith("start transaction")) return null;
        if (CONTROL.contains(first)) return first;
        return null;
    }

    /**
     * The first two words of a statement, lower case, after whitespace, comments and opening parentheses; on MySQL
     * the body of an executable comment ({@code /*!50000 ...}, {@code /*M! ...}) is read as text.
     */
    static String leadingWords(String statement, boolean mysql) {
        StringBuilder words = new StringBuilder();
        int i = 0;
        int n = statement.length();
        int count = 0;
        while (i < n && count < 2) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ';') {
                i++;
            } else if (mysql && statement.startsWith("/*!", i) || mysql && statement.startsWith("/*M!", i)) {
                i += statement.charAt(i + 2) == 'M' ? 4 : 3;
                while (i < n && Character.isDigit(statement.charAt(i))) i++;
            } else if (mysql && c == '*' && statement.startsWith("*/", i)) {
                i += 2; // the end of an executable comment
            } else if (mysql && c == '#') {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '-' && statement.startsWith("--", i) || c == '/' && statement.startsWith("/*", i)) {
                i = commentEnd(statement, i, mysql);
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_'))
                    end++;
                if (count++ > 0) words.append(' ');
                words.append(statement.substring(i, end).toLowerCase(Locale.ROOT));
                i = end;
            } else {
                break;
            }
        }
        return words.toString();
    }

    /** Past a {@code --} or block comment; PostgreSQL's block comments nest. */
    private static int commentEnd(String s, int i, boolean mysql) {
        if (s.startsWith("--", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            if (s.startsWith("/*", j)) {
                depth = mysql ? 1 : depth + 1;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                j += 2;
                if (--depth == 0) return j;
            } else {
                j++;
            }
        }
        return s.length();
    }
}
