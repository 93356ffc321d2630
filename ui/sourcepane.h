#pragma once

#include "io/sourcedocument.h"

#include <QList>
#include <QWidget>

class QAction;
class QPlainTextEdit;
class QStackedWidget;
class QLineEdit;
class QLabel;
class QToolButton;

namespace nianbao::ui {

class PageView;

/// The source as the reviewer received it (the original characters), read-only, with a find
/// bar (Ctrl+F). Shows the spans cells were read from, and reports where the reader puts the cursor.
/// A PDF is shown as its pages (the cells' boxes on them) or as its text, one toggle apart
/// (Ctrl+Shift+T); the choice is remembered.
class SourcePane : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePane(QWidget *parent = nullptr);

    /// Shows a text (HTML, DOCX, text files, messages): the text view, no pages.
    void setText(const QString &text);
    /// Shows a PDF's text and, when it can be rendered, its pages with the boxes the text was read from.
    void setDocument(const QString &text, const QString &pdfPath, const QList<SourceBox> &boxes);
    QString text() const { return m_text; }
    QPlainTextEdit *editor() const { return m_edit; }
    PageView *pageView() const { return m_pages; }
    /// Are the pages shown (rather than the text)?
    bool showingPages() const;
    /// The toggle between the pages and the text (checked: the pages).
    QAction *pagesAction() const { return m_pagesAction; }

    /// Selects the span [start, start + length) of the text (positions in the text as given) and
    /// shades the other spans; a span with start < 0 is skipped.
    void showSpans(qsizetype start, qsizetype length,
                   const QList<std::pair<qsizetype, qsizetype>> &others = {});
    /// The selection in positions of the text as given.
    std::pair<qsizetype, qsizetype> selection() const;

public Q_SLOTS:
    void showFindBar();
    /// Shows the pages (true) or the text (false), and remembers the choice.
    void setShowPages(bool pages);
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

    void updateMode();

    QStackedWidget *m_stack;
    QPlainTextEdit *m_edit;
    PageView *m_pages;
    QAction *m_pagesAction;
    QToolButton *m_pagesButton;
    QLabel *m_pageLabel;
    QWidget *m_modeBar;
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
