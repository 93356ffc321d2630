#pragma once

#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// What one report may cost to read. A file beyond a limit on work is refused with one translated
/// line (the messages below); a value too long to hold is kept as the text it is and flagged
/// (VALUE.TOO_LONG), never read as another number. The README's "Reliability" section lists them.
class Limits
{
    Q_DECLARE_TR_FUNCTIONS(Limits)
public:
    // Files.
    static constexpr qint64 MaxTextBytes = 16 * 1024 * 1024;      ///< a text or HTML file
    static constexpr qint64 MaxDocumentBytes = 256 * 1024 * 1024; ///< a PDF, DOCX or DOC file
    static constexpr qint64 MaxZipEntryBytes = 64 * 1024 * 1024;  ///< one part of a DOCX, inflated
    static constexpr qint64 MaxZipTotalBytes = 256 * 1024 * 1024; ///< all parts of a DOCX, inflated
    static constexpr int MaxZipEntries = 10000;

    // Text, whatever the format it was read from.
    static constexpr qsizetype MaxTextChars = 16 * 1024 * 1024; ///< the text a reader makes of a file
    /// A character whose compatibility form (NFKC) is longer than this is kept as it is: no report
    /// needs U+FDFA's 18 letters, and expanding it lets a small file grow without bound.
    static constexpr int MaxCharExpansion = 4;
    static constexpr qsizetype MaxNormalizedChars = MaxTextChars; ///< the text once normalised
    static constexpr int MaxCellsPerLine = 10000;                 ///< `|`, tab or wide-space cells
    static constexpr int MaxItems = 1000000; ///< labels, numbers and empty cells of the whole text

    // Tables of web pages and Word files.
    static constexpr int MaxTableDepth = 32; ///< tables inside tables
    static constexpr int MaxColSpan = 100;
    static constexpr int MaxRowSpan = 1000;
    static constexpr qint64 MaxTableCells = 100000; ///< grid positions of one table, merged ones included

    // PDF.
    static constexpr int MaxPdfPages = 1000;
    /// Pixels of one scanned page (an A3 page at 600 dpi is 70 million).
    static constexpr qint64 MaxScanPixels = 80LL * 1000 * 1000;
    /// Scanned pages recognised in one report (each takes seconds).
    static constexpr int MaxScanPages = 60;
    /// Poppler's layout of a page grows much faster than its characters once they are many (10,000
    /// one-digit words in a grid take it 9 s): a page beyond this is not laid out. The densest page
    /// of the corpus holds 655; a page of 9-pt text about 2,500.
    static constexpr int MaxPdfCharsPerPage = 5000;
    /// The pages' layout of one PDF, all pages together: beyond this the reading stops, refused.
    static constexpr int MaxPdfSeconds = 30;

    // Values.
    /// Digits of one number (its decimals included). Below 10^13 a value, and any sum of up to 900
    /// values the checks form, stays under 2^53: exact in a double, printed exactly.
    static constexpr int MaxNumberDigits = 13;
    /// Digits of one value cut from digits that ran together: a row's run longer than its cells can
    /// hold at this many digits each is not split at all.
    static constexpr int MaxSplitDigits = 9;
    /// Ways to cut one row's run weighed by the identities (the corpus's runs have at most 16, a
    /// table of large numbers all run together 27,350), and for all the runs of a report: a run
    /// with more stays undecided and no reading is offered, since its list would be cut short.
    static constexpr int MaxRunSplits = 100000;
    static constexpr int MaxReportSplits = 500000;

    static QString textTooLong();
    static QString normalizedTooLong();
    static QString tooManyCells(int line);
    static QString tooManyItems();
    static QString tablesTooDeep();
    static QString tableTooLarge();
    static QString tooManyPages(int pages);
    static QString tooManyChars(int page);
    static QString pdfTooSlow(int pages);
    /// Digits of a number written in text ("1,234", "-5", "12.50", "１２"): the digits when the text
    /// is one number (sign, separators and spaces aside), -1 otherwise.
    static int numberDigits(QStringView text);
    /// Is text one number of more than MaxNumberDigits digits (numberDigits)? A text no longer
    /// than that has no more digits, and is told without counting them.
    static bool tooManyDigits(QStringView text)
    {
        return text.size() > MaxNumberDigits && numberDigits(text) > MaxNumberDigits;
    }
};

} // namespace nianbao
