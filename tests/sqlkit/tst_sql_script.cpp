// One statement at a time for QSqlQuery: the splitter keeps triggers, function bodies, literals and
// comments whole (moved here from tst_migrations with the splitter itself).

#include "sqlkit/sql_script.h"

#include <QTest>

using namespace counterline::sqlkit;
using namespace Qt::StringLiterals;

class SqlScriptTest : public QObject
{
    Q_OBJECT

private slots:
    void scriptsSplitIntoStatements()
    {
        const QStringList statements =
            splitSqlScript(u"-- a comment; with a semicolon\n"
                           "CREATE TABLE a (x TEXT DEFAULT 'semi;colon');\n"
                           "CREATE TRIGGER t BEFORE DELETE ON a BEGIN\n"
                           "  SELECT CASE WHEN 1 THEN RAISE(ABORT, 'no; never') END;\n"
                           "  SELECT 2;\n"
                           "END;\n"
                           "INSERT INTO a VALUES ('it''s; fine');;\n"_s);
        QCOMPARE(statements.size(), 3);
        QVERIFY(statements[0].startsWith(u"CREATE TABLE a"_s));
        QVERIFY(statements[1].startsWith(u"CREATE TRIGGER t"_s));
        QVERIFY(statements[1].endsWith(u"END"_s));
        QCOMPARE(statements[2], u"INSERT INTO a VALUES ('it''s; fine')"_s);
    }

    // A PostgreSQL function body is one piece, whatever BEGIN, END and semicolons it holds.
    void dollarQuotedBodiesStayWhole()
    {
        const QStringList statements = splitSqlScript(
            u"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            "    IF NEW.x THEN RAISE EXCEPTION 'no; never'; END IF;\n"
            "    RETURN NEW;\n"
            "END\n"
            "$$;\n"
            "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $body$ SELECT 1; "
            "$body$;\n"
            "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();\n"
            "SELECT '$$';\n"_s);
        QCOMPARE(statements.size(), 4);
        QVERIFY(statements[0].endsWith(u"END\n$$"_s));
        QVERIFY(statements[0].contains(u"RETURN NEW;"_s));
        QCOMPARE(statements[1],
                 u"CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$"_s);
        QVERIFY(statements[2].startsWith(u"CREATE TRIGGER t"_s));
        QCOMPARE(statements[3], u"SELECT '$$'"_s);
    }

    // A positional parameter ($1) is no dollar quote.
    void positionalParametersAreNotQuotes()
    {
        const QStringList statements = splitSqlScript(u"SELECT $1; SELECT $2 + 1;"_s);
        QCOMPARE(statements, (QStringList{u"SELECT $1"_s, u"SELECT $2 + 1"_s}));
    }
};

QTEST_GUILESS_MAIN(SqlScriptTest)
#include "tst_sql_script.moc"
