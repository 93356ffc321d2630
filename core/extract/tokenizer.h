#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>

namespace nianbao {

/// One piece of a table as read from text: a label, a number (or a run of digits that may hold
/// several numbers), a non-number value such as "/" or "无", or an empty cell.
struct Item
{
    enum class Kind : quint8 { Label, Number, ValueText, Blank };
    QString text; // Number: the digits (no separators); ValueText: the text (Label: Tokenizer::text)
    // Normalized positions [start, end): the text is at most Limits::MaxNormalizedChars long.
    int start = 0;
    int end = 0;
    int line = 0;
    int keyStart = 0; // Label: its letters in the tokenizer's buffer of keys (Tokenizer::key)
    int keyLength = 0;
    int note = -1; // Number: its annotation in brackets after it (Tokenizer::note), or none
    Kind kind = Kind::Label;
    bool decimal = false;
    bool negative = false;

    bool isValue() const { return kind != Kind::Label; }
    /// A number's value, without its sign (numberValue of its text).
    double magnitude(bool *ok = nullptr) const;
    bool isNonBlankValue() const { return kind == Kind::Number || kind == Kind::ValueText; }
    /// A run of digits that cannot be one number ("00", "0123") or is long enough to be several.
    bool hasLeadingZero() const
    {
        return kind == Kind::Number && !decimal && text.size() > 1 && text[0] == u'0';
    }
};

/// The value of a number's text as QString::toDouble reads it; a whole number of up to 15 digits
/// (every count a report has) is read without it, exactly.
inline double numberValue(QStringView text, bool *ok = nullptr)
{
    if (!text.isEmpty() && text.size() <= 15) {
        qint64 v = 0;
        bool digits = true;
        for (QChar c : text) {
            digits = digits && c >= u'0' && c <= u'9';
            v = v * 10 + (c.unicode() - u'0');
        }
        if (digits) {
            if (ok)
                *ok = true;
            return double(v);
        }
    }
    return text.toDouble(ok);
}

/// text as a QString; one or two ASCII digits (most counts of a report) are shared copies of
/// strings made once, without an allocation.
QString sharedText(QStringView text);

inline double Item::magnitude(bool *ok) const
{
    return numberValue(text, ok);
}

} // namespace nianbao

Q_DECLARE_TYPEINFO(nianbao::Item, Q_RELOCATABLE_TYPE); // its strings move with it

namespace nianbao {

struct LineInfo
{
    int start = 0; // normalized positions (the text is at most Limits::MaxNormalizedChars long)
    int end = 0;
    int cells = 0;  // cells the line was split into (| or tab or wide spaces)
    int values = 0; // number and value-text items on the line
    int labels = 0;
};

} // namespace nianbao

Q_DECLARE_TYPEINFO(nianbao::LineInfo, Q_PRIMITIVE_TYPE); // numbers only: appended as bytes

namespace nianbao {

/// Splits normalized text into lines, lines into cells (`|`, tab, or two or more spaces) and cells
/// into items. A digit run followed by "2." or "2、" and a label gives its last digit to the label
/// (the sub-item number of the next row, as in runs copied without separators).
class Tokenizer
{
public:
    explicit Tokenizer(const QString &normalized);

    const QVarLengthArray<Item, 0> &items() const { return m_items; }
    /// An item's text: a label's is its span of the normalized text (no copy is made of it).
    QStringView text(const Item &item) const
    {
        return item.kind == Item::Kind::Label ? QStringView(m_text).mid(item.start, item.end - item.start)
                                              : QStringView(item.text);
    }
    /// A label's letters, for matching (Template::matchKey of its text): all the labels' keys are
    /// written one after another into one buffer.
    QStringView key(const Item &item) const
    {
        return QStringView(m_keys.get() + item.keyStart, item.keyLength);
    }
    /// Empty, or why the text was not tokenized to its end (a limit of io/limits.h was reached).
    const QString &error() const { return m_error; }
    const QVarLengthArray<LineInfo, 0> &lines() const { return m_lines; }
    /// A number's annotation in brackets after it ("含自然失效29件"), or none: kept apart from the
    /// items, which seldom have one.
    QString note(const Item &item) const { return item.note >= 0 ? m_notes.at(item.note) : QString(); }
    /// Index of the first item that ends after pos.
    int firstItemAt(qsizetype pos) const;

    static bool isPlaceholder(QStringView cell);
    static bool isPageFurniture(QStringView line);

private:
    void tokenizeLine(qsizetype ls, qsizetype le, int line);
    void tokenizeCell(qsizetype cs, qsizetype ce, int line);
    void addLabel(qsizetype s, qsizetype e, int line);
    /// Is the minus sign at i, between two digits, the sign of the number after it?
    bool signBetweenNumbers(qsizetype i) const;

    const QString &m_text;
    // Appended to in place within the room made for a report, by an inline path (QList's append
    // is a call for each).
    QVarLengthArray<Item, 0> m_items;
    QVarLengthArray<LineInfo, 0> m_lines;
    // The labels' keys, one after another, in a buffer of m_keysRoom (grown without filling, and
    // written without a call for each label's size).
    std::unique_ptr<char16_t[]> m_keys;
    qsizetype m_keysSize = 0;
    qsizetype m_keysRoom = 0;
    QStringList m_notes; // the numbers' annotations (Item::note)
    QString m_error;
};

} // namespace nianbao
