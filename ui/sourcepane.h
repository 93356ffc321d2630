#pragma once

#include <QList>
#include <QWidget>

class QPlainTextEdit;
class QLineEdit;
class QLabel;
class QToolButton;

namespace nianbao::ui {

/// The source as the reviewer received it (the original characters), read-only, with a find
/// bar (Ctrl+F). Shows the spans cells were read from, and reports where the reader puts the cursor.
class SourcePane : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePane(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    QPlainTextEdit *editor() const { return m_edit; }

    /// Selects the span [start, start + length) of the text (positions in the text as given) and
    /// shades the other spans; a span with start < 0 is skipped.
    void showSpans(qsizetype start, qsizetype length,
                   const QList<std::pair<qsizetype, qsizetype>> &others = {});
    /// The selection in positions of the text as given.
    std::pair<qsizetype, qsizetype> selection() const;

public Q_SLOTS:
    void showFindBar();
    void findNext();
    void findPrevious();

Q_SIGNALS:
    /// The reader placed the cursor at a position of the text (as given).
    void cursorMoved(qsizetype position);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void find(bool backwards);
    void retranslate();
    int toDocument(qsizetype pos) const;
    qsizetype fromDocument(int pos) const;

    QPlainTextEdit *m_edit;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_findStatus;
    QToolButton *m_prev;
    QToolButton *m_next;
    QToolButton *m_close;
    QString m_text;
    QList<qsizetype> m_crlf; // positions of "\r\n" pairs: the document keeps one separator
    bool m_programmatic = false;
};

} // namespace nianbao::ui
