#include "patternset.h"

#include "charscan.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

bool isMeta(QChar c)
{
    return QStringView(u"\\^$.|?*+()[]{}").contains(c);
}

/// After a group or a character: does the quantifier at p allow none? Sets *after past it.
bool optionalAt(QStringView p, qsizetype *after)
{
    qsizetype i = 0;
    bool optional = false;
    if (p.startsWith(u'?') || p.startsWith(u'*')) {
        optional = true;
        i = 1;
    } else if (p.startsWith(u'+')) {
        i = 1;
    } else if (p.startsWith(u'{')) {
        const qsizetype close = p.indexOf(u'}');
        if (close < 0)
            return false; // a literal brace: not a quantifier; the caller stops at it anyway
        optional = p.mid(1, close - 1).startsWith(u'0') || p.mid(1, close - 1).startsWith(u',');
        i = close + 1;
    }
    if (i > 0 && i < p.size() && (p[i] == u'?' || p[i] == u'+'))
        ++i; // lazy or possessive
    *after = i;
    return optional;
}

/// Is there a | outside every group and class ("a|b"): a match may begin with either side.
bool hasTopLevelAlternative(QStringView p)
{
    int depth = 0;
    bool inClass = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c == u'\\') {
            ++i;
        } else if (inClass) {
            inClass = c != u']';
        } else if (c == u'[') {
            inClass = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (c == u'|' && depth == 0) {
            return true;
        }
    }
    return false;
}

QStringList wordsAtStart(QStringView p);

} // namespace

QStringList PatternSet::firstWords(QStringView p)
{
    return hasTopLevelAlternative(p) ? QStringList() : wordsAtStart(p);
}

namespace {

QStringList wordsAtStart(QStringView p)
{
    if (p.startsWith(u"(?:")) {
        const qsizetype close = p.indexOf(u')');
        if (close < 0)
            return {};
        const QStringView inner = p.mid(3, close - 3);
        QStringList words;
        for (QStringView alt : inner.split(u'|')) {
            if (alt.isEmpty() || std::any_of(alt.begin(), alt.end(), isMeta))
                return {}; // a nested group, a class, an escape: not plain words
            words.append(alt.toString());
        }
        qsizetype after = 0;
        if (!optionalAt(p.mid(close + 1), &after))
            return words;
        // An optional group: a match begins with it or with what follows.
        const QStringList rest = wordsAtStart(p.mid(close + 1 + after));
        return rest.isEmpty() ? QStringList() : words + rest;
    }
    qsizetype n = 0;
    while (n < p.size() && !isMeta(p[n]))
        ++n;
    qsizetype after = 0;
    if (n < p.size() && optionalAt(p.mid(n), &after))
        --n; // the last character may be absent
    if (n <= 0)
        return {};
    return {p.left(n).toString()};
}

} // namespace

PatternSet::PatternSet(const QStringList &patterns)
{
    for (const QString &source : patterns) {
        const qsizetype index = m_patterns.size();
        m_patterns.append(QRegularExpression(source));
        const QStringList words = firstWords(source);
        m_anchored.append(!words.isEmpty());
        // Tried at a place with \G, not with PCRE2_ANCHORED: PCRE's compiled matcher (JIT) does
        // not take that option and would leave each try to its interpreter.
        m_at.append(words.isEmpty() ? QRegularExpression() : QRegularExpression(u"\\G(?:"_s + source + u')'));
        for (const QString &w : words) {
            const char16_t c = w.front().unicode();
            m_first[c >> 6] |= std::uint64_t(1) << (c & 63);
            m_starts[c].append({index, w});
        }
    }
    if (m_starts.size() <= MaxFewUnits)
        for (auto it = m_starts.cbegin(); it != m_starts.cend(); ++it)
            m_few[m_fewCount++] = it.key();
}

bool PatternSet::isWellFormed(QStringView text)
{
    const QChar *t = text.data();
    const qsizetype n = text.size();
    // Eight at a time to the first surrogate (most texts have none), then one by one.
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        unsigned any = 0;
        for (int k = 0; k < 8; ++k)
            any |= (t[i + k].unicode() & 0xF800) == 0xD800;
        if (any)
            break;
    }
    for (; i < n; ++i) {
        if (!t[i].isSurrogate())
            continue;
        if (!t[i].isHighSurrogate() || i + 1 == n || !t[i + 1].isLowSurrogate())
            return false;
        ++i;
    }
    return true;
}

QRegularExpression::MatchOptions PatternSet::checkedOnce(QStringView text, Subject subject)
{
    // Checked here, once, not by PCRE at each try (each a pass over the whole text), unless the
    // caller knows.
    const bool wellFormed =
        subject == Subject::Unchecked ? isWellFormed(text) : subject == Subject::WellFormed;
    return wellFormed ? QRegularExpression::DontCheckSubjectStringMatchOption
                      : QRegularExpression::NoMatchOption;
}

const QList<PatternSet::Start> &PatternSet::startsWith(char16_t c) const
{
    static const QList<Start> none;
    const auto it = m_starts.constFind(c);
    return it == m_starts.constEnd() ? none : *it;
}

qsizetype PatternSet::nextStart(const QChar *t, qsizetype i, qsizetype end) const
{
    if (m_fewCount > 0)
        return charscan::indexOfAny(t, i, end, m_few.data(), m_fewCount);
    while (i < end && !mayStart(t[i].unicode()))
        ++i;
    return i;
}

std::optional<QRegularExpressionMatch> PatternSet::tryAt(const Start &s, const QString &text, qsizetype i,
                                                         QRegularExpression::MatchOptions checked) const
{
    if (!QStringView(text).mid(i).startsWith(QStringView(s.word)))
        return std::nullopt;
    return m_at[s.pattern].match(text, i, QRegularExpression::NormalMatch, checked);
}

QRegularExpressionMatch PatternSet::firstMatch(const QString &text, qsizetype from, Subject subject) const
{
    const QRegularExpression::MatchOptions checked = checkedOnce(text, subject);
    // The patterns found as usual bound where the others are looked for.
    QRegularExpressionMatch best;
    qsizetype bestPattern = m_patterns.size();
    for (qsizetype p = 0; p < m_patterns.size(); ++p) {
        if (m_anchored[p])
            continue;
        const QRegularExpressionMatch m =
            m_patterns[p].match(text, from, QRegularExpression::NormalMatch, checked);
        if (m.hasMatch() && (!best.hasMatch() || m.capturedStart() < best.capturedStart())) {
            best = m;
            bestPattern = p;
        }
    }
    const QChar *t = text.constData();
    const qsizetype n = best.hasMatch() ? best.capturedStart() + 1 : text.size();
    for (qsizetype i = qMax<qsizetype>(0, from); (i = nextStart(t, i, n)) < n; ++i) {
        const char16_t c = t[i].unicode();
        for (const Start &s : startsWith(c)) {
            // At one place, the first pattern of the set wins.
            if (best.hasMatch() && best.capturedStart() == i && s.pattern >= bestPattern)
                continue;
            if (const auto m = tryAt(s, text, i, checked); m && m->hasMatch()) {
                best = *m;
                bestPattern = s.pattern;
            }
        }
        if (best.hasMatch() && best.capturedStart() <= i)
            return best;
    }
    return best;
}

QList<QList<QRegularExpressionMatch>> PatternSet::globalMatch(const QString &text, Subject subject) const
{
    const QRegularExpression::MatchOptions checked = checkedOnce(text, subject);
    QList<QList<QRegularExpressionMatch>> out(m_patterns.size());
    QList<qsizetype> next(m_patterns.size(), 0);   // where a pattern's next match may start
    QList<qsizetype> tried(m_patterns.size(), -1); // the last place each was tried
    const QChar *t = text.constData();
    for (qsizetype i = 0; (i = nextStart(t, i, text.size())) < text.size(); ++i) {
        const char16_t c = t[i].unicode();
        for (const Start &s : startsWith(c)) {
            if (i < next[s.pattern] || tried[s.pattern] == i)
                continue;
            const auto m = tryAt(s, text, i, checked);
            if (!m)
                continue;
            tried[s.pattern] = i;
            if (m->hasMatch()) {
                out[s.pattern].append(*m);
                next[s.pattern] = std::max(m->capturedEnd(), i + 1);
            }
        }
    }
    for (qsizetype p = 0; p < m_patterns.size(); ++p)
        if (!m_anchored[p])
            for (auto it = m_patterns[p].globalMatch(text, 0, QRegularExpression::NormalMatch, checked);
                 it.hasNext();)
                out[p].append(it.next());
    return out;
}

} // namespace nianbao
