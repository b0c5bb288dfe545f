"""The conservation checker itself: it must read a page as the pipeline does, or it reports losses that are not."""

from cleanup import conserve, output, pipeline

# a pdfminer line with the Kangxi radical ⼾ (U+2F3E) for 户: NM04 writes 户 in a simplified line, NFKC gives 戶
RADICAL_PAGE = "本报讯 近日，社区走访困难⼾，为每⼾送去米面油。\n"


def test_a_two_form_radical_counts_as_the_form_nm04_chose():
    page = pipeline.clean_text(RADICAL_PAGE, "p.txt")
    files = list(output.page_files(page).values())
    assert "困难户" in "".join(files)
    assert conserve.compare(RADICAL_PAGE, files) == (conserve.Counter(), conserve.Counter())


def test_a_noise_line_keeps_its_radical_and_still_counts_as_read():
    assert conserve.compare("每⼾\n", ["---\nkind: noise\n---\n\n每⼾\n"]) == (conserve.Counter(), conserve.Counter())


def test_the_command_line_reads_a_dump_that_is_not_utf8(tmp_path, capsys):
    text = "本报讯 为进一步提高居民自救互救能力，近日开展宣传活动。\n"
    for n, encoding in enumerate(["gb18030", "utf-16"]):
        dump = tmp_path / f"{n}.txt"
        dump.write_bytes(text.encode(encoding))
        folder = tmp_path / str(n)
        folder.mkdir()
        for name, markdown in output.page_files(pipeline.clean(dump.read_bytes(), dump.name)).items():
            (folder / name).write_text(markdown, encoding="utf-8")
        assert conserve.main([str(dump), str(folder)]) == 0, capsys.readouterr()
    assert "conserved" in capsys.readouterr().out


def test_the_command_line_refuses_binary_without_a_traceback(tmp_path, capsys):
    dump = tmp_path / "p.txt"
    dump.write_bytes(b"%PDF-1.7\n")
    assert conserve.main([str(dump), str(tmp_path)]) == 2
    assert "not a text dump" in capsys.readouterr().err
