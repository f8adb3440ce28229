"""Write an edition of 502 published documents and one draft into the folder given: more
than the feed's 500 entries, so the feed must choose the latest."""

import datetime
import sys
from pathlib import Path

PUBLISHED = 502


def main(folder: Path) -> None:
    documents = folder / "documents"
    documents.mkdir(parents=True)
    (folder / "book.toml").write_text(
        '[edition]\ntitle = "Many documents"\nbase_url = "https://example.com/many/"\n',
        encoding="utf-8",
    )
    day = datetime.date(1900, 1, 1)
    for number in range(PUBLISHED):
        date = day + datetime.timedelta(days=number)
        (documents / f"{date.isoformat()}-note-{number}.md").write_text(
            f'---\ntitle: Note {number}\ndate: "{date.isoformat()}"\n---\nText {number}.\n',
            encoding="utf-8",
        )
    # The latest of all: the first entry of the feed if drafts leaked.
    (documents / "1999-12-31-draft.md").write_text(
        '---\ntitle: Draft note\ndate: "1999-12-31"\ndraft: true\n---\nNot ready.\n',
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
