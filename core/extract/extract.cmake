# Extraction: the tables of a report found in its text, their rows matched to the template's,
# their values placed in cells.
target_sources(nianbao_core PRIVATE
    extract/tokenizer.h extract/tokenizer.cpp
    extract/textreading.h
    extract/runsplitter.h extract/runsplitter.cpp
    extract/compactindex.h extract/compactindex.cpp
    extract/tablelocator.h extract/tablelocator.cpp
    extract/labelmatcher.h extract/labelmatcher.cpp
    extract/recordbuilder.h extract/recordbuilder.cpp
    extract/cellplacer.h extract/cellplacer.cpp
    extract/tablereader.h extract/tablereader.cpp
    extract/prosereader.h extract/prosereader.cpp
    extract/metadatareader.h extract/metadatareader.cpp
    extract/extractor.h extract/extractor.cpp)
