// The matching view of text and the reading of digits that ran together.
#include "testutil.h"

#include "extract/metadatareader.h"
#include "extract/runsplitter.h"
#include "extract/tokenizer.h"
#include "io/loader.h"
#include "template/template.h"
#include "text/charscan.h"
#include "text/normalizer.h"
#include "text/patternset.h"
#include "text/textsearch.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

/// The text of every text, Markdown and HTML file of the corpus that loads, with its file name.
QList<std::pair<QString, QString>> corpusTexts()
{
    QList<std::pair<QString, QString>> out;
    QDirIterator it(testutil::dataPath(u"corpus"_s), {u"*.txt"_s, u"*.md"_s, u"*.html"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        SourceDocument doc;
        QString error;
        if (Loader::load(it.next(), &doc, &error))
            out.append({it.fileName(), doc.text});
    }
    return out;
}

} // namespace

class TestTextMatching : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizes_data();
    void normalizes();
    void offsetsMapBackToTheOriginal();
    void spansAreThoseOfEachCharacterMappedAlone();
    void tokenizerGivesTheSubItemNumberToTheLabel();
    void tokenizerKeepsAnnotations();
    void labelsAreSpansWithTheirKeysInOneBuffer();
    void splitsRespectLeadingZeros();
    void splitsAreEveryCutInOrder();
    void identitiesDecideARun();
    void cellsReadDecideARun();
    void undecidedRunStaysUncertain();
    void pingtanRowsAreDecodedAndMarked();
    void firstWordsOfAPattern_data();
    void firstWordsOfAPattern();
    void patternSetFindsWhatEachPatternFinds();
    void patternSetReadsATextWithALoneSurrogate();
    void normalizedTextKnowsItsSurrogates();
    void findTextFindsWhatIndexOfFinds();
    void spacesDroppedAndSeparatorsCountedAsOneByOne();
    void closingDateIsWhatItsPatternMatches();
    void firstFromIsTheFirstCharacterNotBefore();
};

void TestTextMatching::normalizes_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("full-width digits and brackets") << u"（一）１２３"_s << u"(一)123"_s;
    QTest::newRow("Traditional to Simplified") << u"勾稽關係與補正後"_s << u"勾稽关系与补正后"_s;
    QTest::newRow("Kangxi radicals from PDFs") << u"⾃然⼈"_s << u"自然人"_s;
    QTest::newRow("ideographic and no-break spaces") << u"规\u3000章\u00A0x"_s << u"规 章 x"_s;
    QTest::newRow("CRLF and zero-width characters") << u"a\r\nb\u200Bc"_s << u"a\nbc"_s;
    QTest::newRow("a compatibility form of four letters is expanded") << u"\u337F"_s << u"株式会社"_s;
    QTest::newRow("a ligature that would expand to 18 letters is kept as it is")
        << u"规章\uFDFA1"_s << u"规章\uFDFA1"_s;
}

void TestTextMatching::normalizes()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(NormalizedText::normalize(in), out);
}

void TestTextMatching::offsetsMapBackToTheOriginal()
{
    const QString original = u"行政許可\r\n（５３）\U0001F600件"_s;
    const NormalizedText n(original);
    const qsizetype five = n.text().indexOf(u'5');
    QCOMPARE(original.mid(n.originalStart(five), n.originalEnd(five + 2) - n.originalStart(five)), u"５３"_s);
    const qsizetype emoji = n.text().indexOf(u"件"_s);
    QCOMPARE(original.mid(n.originalStart(emoji), 1), u"件"_s);
    QCOMPARE(n.originalEnd(n.size()), original.size());

    // Around characters kept as they are and characters expanded, each keeps its own span.
    const QString mixed = u"\uFDFA\u337F（７）\uFDFA"_s;
    const NormalizedText m(mixed);
    QCOMPARE(m.text(), u"\uFDFA株式会社(7)\uFDFA"_s);
    const qsizetype seven = m.text().indexOf(u'7');
    QCOMPARE(mixed.mid(m.originalStart(seven), m.originalEnd(seven + 1) - m.originalStart(seven)), u"７"_s);
    QCOMPARE(m.originalStart(1), 1);
    QCOMPARE(m.originalEnd(5), 2);
    QCOMPARE(m.originalStart(m.size() - 1), mixed.size() - 1);
}

void TestTextMatching::spansAreThoseOfEachCharacterMappedAlone()
{
    // The spans are kept as segments, not per character: each normalized character's span must
    // still be that of the original character (code point) it was mapped from, as when each code
    // point is mapped on its own (mapCodePoint; a CR before a LF is dropped, a lone one is a LF).
    const auto check = [](const QString &original) {
        QString text;
        QList<qsizetype> starts, ends;
        for (qsizetype i = 0; i < original.size();) {
            char32_t cp = original[i].unicode();
            qsizetype len = 1;
            if (original[i].isHighSurrogate() && i + 1 < original.size() &&
                original[i + 1].isLowSurrogate()) {
                cp = QChar::surrogateToUcs4(original[i], original[i + 1]);
                len = 2;
            }
            QString m = NormalizedText::mapCodePoint(cp);
            if (cp == u'\r')
                m = (i + 1 < original.size() && original[i + 1] == u'\n') ? QString() : u"\n"_s;
            for (QChar c : std::as_const(m)) {
                text.append(c);
                starts.append(i);
                ends.append(i + len);
            }
            i += len;
        }
        const NormalizedText n(original);
        if (n.text() != text)
            return false;
        for (qsizetype k = 0; k < text.size(); ++k)
            if (n.originalStart(k) != starts[k] || n.originalEnd(k + 1) != ends[k])
                return false;
        return n.originalStart(text.size()) == original.size() &&
               n.originalEnd(text.size() + 1) == original.size() && n.originalStart(-1) == 0 &&
               n.originalEnd(0) == (text.isEmpty() ? original.size() : starts[0]);
    };
    // Characters that map one to one, to several, to none, pairs and lone surrogates, CR LF.
    const QList<QString> pieces = {u"a"_s,
                                   u"行"_s,
                                   u"許"_s,
                                   u"\r\n"_s,
                                   u"\r"_s,
                                   u"\n"_s,
                                   u"\u200B"_s,
                                   u"\u337F"_s,
                                   u"\uFDFA"_s,
                                   u"５"_s,
                                   u"\U0001F600"_s,
                                   QString(QChar(0xD800)),
                                   QString(QChar(0xDC00)),
                                   u"\u3000"_s,
                                   u"\t"_s,
                                   u"\u00AD"_s,
                                   u"\x01"_s};
    QRandomGenerator rng(17);
    for (int round = 0; round < 4000; ++round) {
        QString original;
        const int parts = int(rng.bounded(40));
        for (int p = 0; p < parts; ++p)
            original += pieces[rng.bounded(int(pieces.size()))];
        if (!check(original))
            QFAIL(qPrintable(u"spans differ for: "_s +
                             QString::fromLatin1(original.toUtf8().toPercentEncoding())));
    }
    for (const auto &[name, original] : corpusTexts())
        QVERIFY2(check(original), qPrintable(name));
}

void TestTextMatching::tokenizerGivesTheSubItemNumberToTheLabel()
{
    const QString text =
        NormalizedText::normalize(u"1．属于国家秘密00000002、其他法律行政法规禁止公开 0000000"_s);
    Tokenizer t(text);
    QStringList kinds;
    for (const Item &i : t.items())
        kinds.append((i.kind == Item::Kind::Label ? u"L:"_s : u"N:"_s) + t.text(i));
    QCOMPARE(kinds, QStringList({u"L:1.属于国家秘密"_s, u"N:0000000"_s, u"L:2、其他法律行政法规禁止公开"_s,
                                 u"N:0000000"_s}));
}

void TestTextMatching::tokenizerKeepsAnnotations()
{
    const QString text = NormalizedText::normalize(u"行政规范性文件 | 3 | 1 | 55（含自然失效29件） |"_s);
    Tokenizer t(text);
    const auto &items = t.items();
    QCOMPARE(items.size(), 4);
    QCOMPARE(items[3].text, u"55"_s);
    QCOMPARE(t.note(items[3]), u"含自然失效29件"_s);
    QCOMPARE(t.note(items[2]), QString());
}

void TestTextMatching::splitsRespectLeadingZeros()
{
    // "000" can only be 0, 0, 0; "8855698" into three has fifteen readings.
    QCOMPARE(RunSplitter::enumerate({RunToken{u"000"_s, 0}}, 3).size(), 1);
    QCOMPARE(RunSplitter::enumerate({RunToken{u"8855698"_s, 0}}, 3).size(), 15);
    // A token boundary is a number boundary: "230 000023" → 23 0 0 0 0 0 23 is one of them.
    const QList<Split> s = RunSplitter::enumerate({RunToken{u"230"_s, 0}, RunToken{u"000023"_s, 4}}, 7);
    bool found = false;
    for (const Split &c : s) {
        QList<double> v;
        for (const SplitValue &x : c)
            v.append(x.value);
        found = found || v == QList<double>({23, 0, 0, 0, 0, 0, 23});
    }
    QVERIFY(found);
}

void TestTextMatching::splitsAreEveryCutInOrder()
{
    // The splitter against every cut written out plainly (shorter first numbers first), on random
    // runs of one to three tokens: the same readings in the same order, the same spans, and a
    // limit that keeps the first of them.
    struct Brute
    {
        const QList<RunToken> &tokens;
        int n;
        QList<QList<SplitValue>> out; // value and span of each number
        QList<SplitValue> cur;
        void cut(int token, int from, int left)
        {
            if (token == tokens.size()) {
                if (left == 0)
                    out.append(cur);
                return;
            }
            const QString &d = tokens[token].digits;
            if (from == d.size())
                return cut(token + 1, 0, left);
            if (left == 0)
                return;
            const int most =
                d[from] == u'0' ? 1 : int(qMin<qsizetype>(Limits::MaxSplitDigits, d.size() - from));
            for (int len = 1; len <= most; ++len) {
                double v = d.mid(from, len).toDouble();
                int start = int(tokens[token].start + from);
                if (from == 0 && tokens[token].negative) {
                    v = -v;
                    start -= 1;
                }
                cur.append(SplitValue{v, start, int(tokens[token].start + from + len)});
                cut(token, from + len, left - 1);
                cur.removeLast();
            }
        }
    };
    QRandomGenerator rng(17);
    int compared = 0;
    for (int round = 0; round < 400; ++round) {
        QList<RunToken> tokens;
        qsizetype at = 0;
        const int count = 1 + int(rng.bounded(3));
        for (int t = 0; t < count; ++t) {
            QString digits;
            const int len = 1 + int(rng.bounded(12));
            for (int k = 0; k < len; ++k)
                digits += QChar(u'0' + (rng.bounded(3) == 0 ? 0 : 1 + rng.bounded(9)));
            const bool negative = rng.bounded(5) == 0;
            at += negative ? 1 : 0;
            tokens.append(RunToken{digits, at, negative});
            at += len + 1;
        }
        // (A round in four has as many numbers as digits: a digit each, the only reading.)
        qsizetype digits = 0;
        for (const RunToken &r : std::as_const(tokens))
            digits += r.digits.size();
        const int n = round % 4 == 0 ? int(digits) : 1 + int(rng.bounded(8));
        Brute brute{tokens, n, {}, {}};
        brute.cut(0, 0, n);
        const QList<Split> got = RunSplitter::enumerate(tokens, n);
        QCOMPARE(got.size(), brute.out.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].size(), n);
            for (int k = 0; k < n; ++k) {
                QCOMPARE(got[i][k].value, brute.out[i][k].value);
                QCOMPARE(got[i][k].start, brute.out[i][k].start);
                QCOMPARE(got[i][k].end, brute.out[i][k].end);
            }
        }
        if (brute.out.size() > 3) {
            const QList<Split> first = RunSplitter::enumerate(tokens, n, 3);
            QCOMPARE(first.size(), 3);
            for (int i = 0; i < 3; ++i)
                QCOMPARE(first[i][n - 1].value, got[i][n - 1].value);
        }
        compared += int(got.size());
    }
    QVERIFY2(compared > 1000, qPrintable(QString::number(compared))); // the comparison saw readings
}

void TestTextMatching::identitiesDecideARun()
{
    // 713000074 → 71 3 0 0 0 0 74 is the only reading whose total is the sum of the parts.
    const Template *t = Template::t2021();
    QList<Slot> slots(1);
    for (const QString &c : {u"natural_person"_s, u"commercial"_s, u"research"_s, u"social_welfare"_s,
                             u"legal_service"_s, u"other_org"_s, u"total"_s})
        slots[0].keys.append(u"t3.new_received."_s + c);
    slots[0].candidates = RunSplitter::enumerate({RunToken{u"713000074"_s, 0}}, 7);
    QVERIFY(slots[0].candidates.size() > 1);
    RunSplitter::solve(slots, {}, expandIdentities(*t, u"subitems"));
    QCOMPARE(slots[0].candidates.size(), 1);
    QCOMPARE(slots[0].candidates[0][0].value, 71.0);
    QCOMPARE(slots[0].candidates[0][6].value, 74.0);
}

void TestTextMatching::cellsReadDecideARun()
{
    // 7130000 in the six applicant columns: 71 3 0 0 0 0, 7 13 0 0 0 0 or 7 1 30 0 0 0. The total
    // read as 74 leaves the first; a total too long to hold is no value, and leaves all three.
    const Template *t = Template::t2021();
    const QString row = u"t3.new_received."_s;
    QList<Slot> slots(1);
    for (const QString &c : {u"natural_person"_s, u"commercial"_s, u"research"_s, u"social_welfare"_s,
                             u"legal_service"_s, u"other_org"_s})
        slots[0].keys.append(row + c);
    slots[0].candidates = RunSplitter::enumerate({RunToken{u"7130000"_s, 0}}, 6);
    QCOMPARE(slots[0].candidates.size(), 3);
    const QList<IdentityInstance> ids = expandIdentities(*t, u"subitems");

    QList<Slot> undecided = slots;
    CellTable tooLong;
    Cell run = Cell::textual(u"12345678901234"_s);
    run.fromRun = true;
    tooLong.insert(QString(row + u"total"_s), run);
    RunSplitter::solve(undecided, tooLong, ids);
    QCOMPARE(undecided[0].candidates.size(), 3);

    CellTable read;
    read.insert(QString(row + u"total"_s), Cell::number(74));
    RunSplitter::solve(slots, read, ids);
    QCOMPARE(slots[0].candidates.size(), 1);
    QCOMPARE(slots[0].candidates[0][0].value, 71.0);
    QCOMPARE(slots[0].candidates[0][1].value, 3.0);
}

void TestTextMatching::undecidedRunStaysUncertain()
{
    // Table 2 has no identity: a run of a row without prose to decide it stays uncertain.
    QTemporaryDir dir;
    QString text = QString::fromUtf8(
        testutil::readBytes(testutil::dataPath(u"corpus/seeds/000_cfbc7d1a3e19f347.txt"_s)));
    text.replace(u"行政规范性文件 | 0 | 0 | 0 |"_s, u"行政规范性文件 | 1234 |"_s);
    QFile f(dir.filePath(u"r.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    f.close();
    const ReadResult r = ReportReader::read(f.fileName());
    QVERIFY(r.ok);
    const QStringList uncertain = r.report.uncertainKeys();
    QCOMPARE(uncertain.size(), 3);
    const Cell *c = r.report.cell(u"t2.normative_documents.issued"_s);
    QCOMPARE(c->state, Cell::State::Uncertain);
    QCOMPARE(c->candidates, QList<double>({1, 12}));
    bool warned = false;
    for (const Finding &fd : r.findings)
        warned =
            warned || (fd.rule == u"CELL.UNCERTAIN" && fd.cells.contains(u"t2.normative_documents.issued"_s));
    QVERIFY(warned);
}

void TestTextMatching::pingtanRowsAreDecodedAndMarked()
{
    const ReadResult r = ReportReader::read(testutil::dataPath(u"corpus/real/pingtan_2022.txt"_s));
    QVERIFY(r.ok);
    const Cell *c = r.report.cell(u"t3.new_received.natural_person"_s);
    QVERIFY(c && c->fromRun);
    QCOMPARE(c->value, 71.0);
    QCOMPARE(r.report.text.mid(c->start, c->length), u"71"_s);
    // Decided by the prose: "现行有效行政规范性文件698件" and "制发的规范性文件88件".
    QCOMPARE(r.report.cell(u"t2.normative_documents.repealed"_s)->value, 55.0);
}

void TestTextMatching::firstWordsOfAPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("a group of words")
        << u"(?:制发|新制定)[^0-9]{0,4}?(\\d+)件"_s << QStringList{u"制发"_s, u"新制定"_s};
    QTest::newRow("a word before a class") << u"废止[^0-9。]{0,14}?(\\d+)"_s << QStringList{u"废止"_s};
    QTest::newRow("a word before a look-ahead") << u"行政复议(?!后)(\\d+)"_s << QStringList{u"行政复议"_s};
    QTest::newRow("an optional last character") << u"达到?(\\d+)"_s << QStringList{u"达"_s};
    QTest::newRow("a repeated last character is there once") << u"ab{2}c"_s << QStringList{u"ab"_s};
    QTest::newRow("an optional group, then a word")
        << u"(?:结果)?维持(\\d+)"_s << QStringList{u"结果"_s, u"维持"_s};
    QTest::newRow("an optional group, then a class") << u"(?:结果)?[^0-9](\\d+)"_s << QStringList();
    QTest::newRow("alternatives at the top") << u"信息处理费|收费"_s << QStringList();
    QTest::newRow("an alternative after a group") << u"(?:a|b)c|d"_s << QStringList();
    QTest::newRow("an escape first") << u"\\d+件"_s << QStringList();
    QTest::newRow("an anchor first") << u"^占(\\d+)"_s << QStringList();
    QTest::newRow("a nested group") << u"(?:a(b)|c)d"_s << QStringList();
    QTest::newRow("an optional single character first") << u"x{0,2}y"_s << QStringList();
    QTest::newRow("an option first") << u"(?i)page"_s << QStringList();
}

void TestTextMatching::firstWordsOfAPattern()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, words);
    QCOMPARE(PatternSet::firstWords(pattern), words);
}

namespace {

/// Each pattern's matches as QRegularExpression::globalMatch gives them, and as a PatternSet
/// does: "start-end:capture 1 start-end" per match.
std::pair<QStringList, QStringList> bothWays(const QStringList &patterns, const QString &text)
{
    const auto shown = [](const QRegularExpressionMatch &m) {
        return u"%1-%2:%3-%4"_s.arg(m.capturedStart())
            .arg(m.capturedEnd())
            .arg(m.capturedStart(1))
            .arg(m.capturedEnd(1));
    };
    QStringList plain, together;
    const PatternSet set(patterns);
    const QList<QList<QRegularExpressionMatch>> found = set.globalMatch(text);
    for (qsizetype p = 0; p < patterns.size(); ++p) {
        for (auto it = QRegularExpression(patterns[p]).globalMatch(text); it.hasNext();)
            plain.append(QString::number(p) + u' ' + shown(it.next()));
        for (const QRegularExpressionMatch &m : found[p])
            together.append(QString::number(p) + u' ' + shown(m));
    }
    return {plain, together};
}

} // namespace

void TestTextMatching::patternSetFindsWhatEachPatternFinds()
{
    // The prose patterns of the program's templates, and some of other shapes, over every text of
    // the corpus: the same matches, at the same places, as each pattern alone.
    QStringList patterns;
    for (const Template *t : Template::all())
        for (const ProseCheckDef &c : t->proseChecks())
            patterns += c.patterns;
    QVERIFY(patterns.size() >= 8);
    const QStringList prose = patterns; // beginning with more than eight letters, fewer than 17
    patterns += {u"(?:结果)?维持[^0-9。]{0,3}?(\\d+)(?:件|起)"_s,
                 u"(20\\d\\d)年"_s,
                 u"信息处理费|收费"_s,
                 u"申请(\\d+)件"_s,
                 u"年(\\d)"_s,
                 u"(?:发布时间|发布日期|成文日期)[:：|]*(20\\d\\d)"_s,
                 u"《([^《》]{2,30}?)(20\\d\\d)年"_s};
    // Patterns that begin with more letters than are looked for at once: the set looks its places
    // up one by one.
    for (QChar c : u"是年月日件项条份次人家起宗例笔元"_s)
        patterns += QString(c) + u"(\\d+)"_s;
    int texts = 0;
    qsizetype matches = 0;
    for (const auto &[name, original] : corpusTexts()) {
        const QString text = NormalizedText::normalize(original);
        const auto [plain, together] = bothWays(patterns, text);
        QCOMPARE(together, plain);
        matches += plain.size();
        const auto [proseAlone, proseTogether] = bothWays(prose, text);
        QCOMPARE(proseTogether, proseAlone);
        // and each with its own few first letters (looked for eight places at a time)
        for (const QString &p : std::as_const(patterns)) {
            const auto [alone, inItsSet] = bothWays({p}, text);
            QCOMPARE(inItsSet, alone);
        }
        // The first match of each alone, from the start and from the middle.
        for (const QString &p : std::as_const(patterns)) {
            for (qsizetype from : {qsizetype(0), text.size() / 2}) {
                const QRegularExpressionMatch a = QRegularExpression(p).match(text, from);
                const QRegularExpressionMatch b = PatternSet({p}).firstMatch(text, from);
                QCOMPARE(b.hasMatch(), a.hasMatch());
                QCOMPARE(b.capturedStart(), a.capturedStart());
                QCOMPARE(b.capturedEnd(1), a.capturedEnd(1));
            }
        }
        ++texts;
    }
    QVERIFY2(texts >= 7, qPrintable(QString::number(texts)));
    QVERIFY2(matches >= 100, qPrintable(QString::number(matches))); // the comparison saw matches
}

void TestTextMatching::patternSetReadsATextWithALoneSurrogate()
{
    // PCRE is told a text needs no check only when it has none to fail. A pattern alone finds
    // nothing at all in such a text (PCRE refuses it from its start); the set, trying each place on
    // its own, still finds the match after the broken character.
    const QString lone = u"收到申请 5件，"_s + QChar(0xD800) + u"收到政府信息公开申请12件。"_s;
    QVERIFY(!PatternSet::isWellFormed(lone));
    QVERIFY(PatternSet::isWellFormed(u"收到申请\U0001F600 5件"_s));
    const QStringList patterns = {u"(?:收到|受理)[^0-9]{0,16}?申请(\\d+)件"_s};
    const auto [plain, together] = bothWays(patterns, lone);
    QVERIFY(plain.isEmpty());
    QCOMPARE(together.size(), 1);
    QVERIFY(together.first().endsWith(u':' + QString::number(lone.indexOf(u"12"_s)) + u'-' +
                                      QString::number(lone.indexOf(u"12"_s) + 2)));
}

void TestTextMatching::normalizedTextKnowsItsSurrogates()
{
    // What the normaliser says of its text is what a pass over the text says: for the corpus, and
    // for pairs, lone halves, a half at either end, characters beyond the first plane that map to
    // others, and half-width forms between them.
    QStringList texts;
    for (const auto &[name, text] : corpusTexts())
        texts.append(text);
    QVERIFY(texts.size() >= 7);
    const QChar high(0xD83D), low(0xDE00);
    texts += {u"收到申请\U0001F600 5件"_s,
              u"收到"_s + high,
              low + u"收到"_s,
              u"a"_s + high + u"b"_s + low + u"c"_s,
              QString(low) + high,
              u"\U0002F800\U0001D400１２"_s, // a compatibility ideograph, a mathematical letter
              u"\U00020000年"_s};
    int ill = 0;
    for (const QString &text : std::as_const(texts)) {
        const NormalizedText norm(text);
        QCOMPARE(norm.isWellFormed(), PatternSet::isWellFormed(norm.text()));
        ill += norm.isWellFormed() ? 0 : 1;
    }
    QCOMPARE(ill, 4);
}

void TestTextMatching::findTextFindsWhatIndexOfFinds()
{
    // The anchors and markers of the templates in every text of the corpus, from the start and from
    // places after it: where QStringView::indexOf finds them.
    QStringList needles;
    for (const Template *t : Template::all()) {
        needles += t->markers();
        for (const TableDef &d : t->tables())
            needles += d.startAnchors + d.afterAnchors + d.headingAnchors + d.endAnchors;
    }
    QVERIFY(needles.size() >= 10);
    int found = 0;
    for (const auto &[name, original] : corpusTexts()) {
        const QString text = NormalizedText::normalize(original);
        for (const QString &needle : std::as_const(needles))
            for (qsizetype from :
                 {qsizetype(0), text.size() / 3, text.size() - 1, text.size(), text.size() + 5}) {
                const qsizetype want = QStringView(text).indexOf(needle, from);
                QCOMPARE(findText(text, needle, from), want);
                found += want >= 0;
            }
    }
    QVERIFY2(found >= 50, qPrintable(QString::number(found)));

    // Texts of two letters, where the first character of a needle is nearly everywhere (the search
    // gives way to Qt's), and the edges: an empty needle, one longer than the text, a needle at
    // the very end, a start before the text.
    QRandomGenerator rng(5);
    for (int round = 0; round < 2000; ++round) {
        QString text, needle;
        const int size = int(rng.bounded(300));
        for (int k = 0; k < size; ++k)
            text += rng.bounded(8) == 0 ? u'b' : u'a';
        const int nsize = int(rng.bounded(12));
        for (int k = 0; k < nsize; ++k)
            needle += rng.bounded(6) == 0 ? u'b' : u'a';
        const qsizetype from = qsizetype(rng.bounded(size + 3)) - 1;
        QCOMPARE(findText(text, needle, from), QStringView(text).indexOf(needle, from));
    }
    QCOMPARE(findText(u"公开年报", u"年报"), 2);
    QCOMPARE(findText(u"公开年报", u"年报告"), -1);
    QCOMPARE(findText(u"公开", u""), 0);
    QCOMPARE(findText(u"公开", u"", 2), 2);
    QCOMPARE(findText(u"年报年报", u"年报", -2), 2);
}

QTEST_GUILESS_MAIN(TestTextMatching)
void TestTextMatching::labelsAreSpansWithTheirKeysInOneBuffer()
{
    // Every label of the corpus's text reports: its text is its span of the normalized text, its
    // key the letters matchKey keeps, read from the one buffer of keys; a value keeps its own text.
    int labels = 0, values = 0;
    QDirIterator files(testutil::dataPath(u"corpus"_s), {u"*.txt"_s}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        SourceDocument doc;
        QString error;
        QVERIFY2(Loader::loadBytes(testutil::readBytes(path), path, &doc, &error), qPrintable(error));
        const QString norm = NormalizedText(doc.text).text();
        const Tokenizer t(norm);
        for (const Item &i : t.items()) {
            if (i.kind == Item::Kind::Label) {
                QCOMPARE(t.text(i), QStringView(norm).mid(i.start, i.end - i.start));
                QVERIFY(i.text.isEmpty());
                QCOMPARE(t.key(i).toString(), Template::matchKey(t.text(i)));
                QVERIFY(!t.key(i).isEmpty());
                ++labels;
            } else {
                QCOMPARE(t.text(i), QStringView(i.text));
                ++values;
            }
        }
    }
    QVERIFY(labels > 500);
    QVERIFY(values > 500);
}

void TestTextMatching::spacesDroppedAndSeparatorsCountedAsOneByOne()
{
    // The scans that take eight characters at a time give what a loop over each gives: texts of
    // every length up to 40 at every offset, of the characters at the edges of the ranges the
    // scan tells apart (U+0020/21, U+007F/80, U+3000/01, U+FFFF), Unicode's spaces among them,
    // and of every text of the corpus.
    const QList<char16_t> alphabet = {
        u' ',   u'!',   u'\t',  u'\n',  u'\r',  u'|',   0x7F,   0x80,   0x85,   0xA0, 0x1680, 0x2000, 0x200A,
        0x200B, 0x2028, 0x202F, 0x205F, 0x3000, 0x3001, 0x4E00, 0xFF0C, 0xFFFF, u'a', u'7',   u'/',   u':',
        u'0',   u'9',   0x4DFF, 0x9FEF, 0x9FF0, 0x8030, 0x01,   0x08,   0x0B,   0x0C, 0x0E,   0x1F};
    const auto check = [](QStringView text) {
        QString wantText;
        QList<int> wantPos;
        for (qsizetype i = 0; i < text.size(); ++i)
            if (!text[i].isSpace()) {
                wantText += text[i];
                wantPos.append(int(i));
            }
        // each way of dropping the spaces: the one this processor takes, SSE2's, SSSE3's where it runs
        using Drop = qsizetype (*)(const QChar *, qsizetype, QChar *, int *);
        QList<Drop> drops = {charscan::dropSpaces, charscan::dropSpacesSse2};
        if (charscan::hasSsse3())
            drops.append(charscan::dropSpacesSsse3);
        for (const Drop drop : drops) {
            QString out(text.size(), QChar());
            QList<int> pos(text.size(), -1);
            const qsizetype kept = drop(text.data(), text.size(), out.data(), pos.data());
            out.truncate(kept);
            pos.resize(kept);
            // (compared element by element: QList's == hands memcmp a null pointer for an empty list)
            if (out != wantText || pos.size() != wantPos.size() ||
                !std::equal(pos.cbegin(), pos.cend(), wantPos.cbegin()))
                return false;
        }
        qsizetype pipes = -1, tabs = -1;
        charscan::countTwo(text, u'|', u'\t', &pipes, &tabs);
        if (pipes != text.count(u'|') || tabs != text.count(u'\t'))
            return false;
        // the next bar, tab and ideograph from every place, as Qt finds them
        for (qsizetype from = 0; from <= text.size() + 1; ++from)
            for (const char16_t c : {u'|', u'\t', char16_t(0x4E00)})
                if (charscan::indexOf(text, c, from) != text.indexOf(QChar(c), from))
                    return false;
        // the next of one to sixteen characters from every place (a pattern set's first letters)
        const char16_t any[] = {u'|',
                                u'年',
                                u'\t',
                                u'0',
                                char16_t(0x4E00),
                                u' ',
                                char16_t(0x9FEF),
                                u'9',
                                u'a',
                                u'!',
                                u'\n',
                                char16_t(0x3000),
                                u'7',
                                u':',
                                char16_t(0x3001),
                                u'/'};
        static_assert(std::size(any) == charscan::MaxAnyUnits);
        for (int count = 1; count <= charscan::MaxAnyUnits; ++count)
            for (qsizetype from = 0; from <= text.size(); ++from) {
                qsizetype want = from;
                while (want < text.size() && std::find(any, any + count, text[want].unicode()) == any + count)
                    ++want;
                if (charscan::indexOfAny(text.data(), from, text.size(), any, count) != want)
                    return false;
            }
        // the next digit from every place
        for (qsizetype from = 0; from <= text.size(); ++from) {
            qsizetype want = from;
            while (want < text.size() && !(text[want] >= u'0' && text[want] <= u'9'))
                ++want;
            if (charscan::nextDigit(text.data(), from, text.size()) != want)
                return false;
        }
        // eight ideographs, where the processor takes eight at once (else never said)
        for (qsizetype from = 0; from + 8 <= text.size(); ++from) {
            const QStringView eight = text.mid(from, 8);
            const bool all = std::all_of(eight.begin(), eight.end(), [](QChar c) {
                return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FEF;
            });
            if (charscan::eightIn(eight.data(), 0x4E00, 0x9FEF) && !all)
                return false;
#if defined(__SSE2__)
            if (charscan::eightIn(eight.data(), 0x4E00, 0x9FEF) != all)
                return false;
#endif
        }
        return true;
    };
    QRandomGenerator rng(11);
    QString pool;
    for (int k = 0; k < 4000; ++k)
        pool += QChar(alphabet[rng.bounded(int(alphabet.size()))]);
    int texts = 0;
    for (int offset = 0; offset < 9; ++offset)
        for (int size = 0; size <= 40; ++size, ++texts)
            QVERIFY2(check(QStringView(pool).mid(offset + size * 37, size)),
                     qPrintable(u"offset %1, size %2"_s.arg(offset).arg(size)));
    // a long text of spaces alone and one of none
    QVERIFY(check(QString(100, u' ')));
    QVERIFY(check(QString(100, QChar(0x4E00))));
    for (const auto &[name, text] : corpusTexts()) {
        QVERIFY2(check(text), qPrintable(name));
        ++texts;
    }
    QVERIFY(texts > 9 * 41 + 5);
}

void TestTextMatching::closingDateIsWhatItsPatternMatches()
{
    // The signature's date line told by hand, as the pattern it stands for matches a whole line:
    // over lines made to sit at each edge, and every line of the corpus.
    static const QRegularExpression pattern(
        u"^\\s*20\\d\\d\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$"_s);
    QStringList lines = {u"2025年1月20日"_s,       u"2025 年 1 月 20 日"_s, u"2025\t年01月2日"_s,
                         u" 2025年12月31日 "_s,    u"2025年123月1日"_s,     u"2025年1月日"_s,
                         u"1999年1月1日"_s,        u"2025年1月20日。"_s,    u"二〇二五年一月二十日"_s,
                         u"2025年1月20日\u3000"_s, u"２０２５年1月2日"_s,   u"2025年1月2"_s,
                         u"202年1月2日"_s,         u"20251月2日"_s,         QString()};
    int dates = 0;
    for (const auto &[name, text] : corpusTexts()) {
        const NormalizedText norm(text);
        for (QStringView line : QStringView(norm.text()).split(u'\n'))
            lines.append(line.trimmed().toString());
    }
    for (const QString &line : lines) {
        const bool expected = pattern.match(line).hasMatch();
        QVERIFY2(MetadataReader::isDateLine(line) == expected, qPrintable(line));
        dates += expected ? 1 : 0;
    }
    QVERIFY(dates > 4); // the four lines made to match, and a closing date of the corpus
}

void TestTextMatching::firstFromIsTheFirstCharacterNotBefore()
{
    // The first normalized character whose original start is not before a place, found among the
    // segments, is the one a search of every character finds: for every place of texts with
    // characters dropped, expanded, paired and mapped one to one, and of the corpus's texts.
    QStringList texts = {u""_s,
                         u"abc"_s,
                         u"\uFDFA\u337F（７）\uFDFA"_s,
                         u"行政許可\r\n（５３）\U0001F600件"_s,
                         u"a\u200B\u200Bb\r\r\nc\u337F"_s,
                         u"\u337F"_s,
                         u"\u200B"_s};
    for (const auto &[name, text] : corpusTexts())
        texts.append(text.left(3000));
    for (const QString &original : std::as_const(texts)) {
        const NormalizedText n(original);
        for (qsizetype at = -1; at <= original.size() + 1; ++at) {
            qsizetype want = 0;
            while (want < n.size() && n.originalStart(want) < at)
                ++want;
            QVERIFY2(n.firstFrom(at) == want, qPrintable(u"%1 at %2"_s.arg(original.left(20)).arg(at)));
        }
    }
}

#include "tst_textmatching.moc"
