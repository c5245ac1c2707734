from pathlib import Path

from figcheck.evaluate import names as scorer

VARIANTS = """entity_id\ttype\tname\tlang\tconvention\tsource
person:shoigu_sergei\tperson\tSergueï Choïgou\tfr\tfrench\tx
person:shoigu_sergei\tperson\tSergey Shoigu\ten\tenglish\tx
person:shoigu_sergei\tperson\tСергей Шойгу\tru\tcyrillic\tx
person:shoigu_irina\tperson\tIrina Choïgou\tfr\tfrench\tx
place:city_kirov\tplace\tKirow\tde\tgerman\tx
person:kirov_sergei\tperson\tSergej Mironovič Kirov\tit\tscholarly\tx
person:chaykovsky\tperson\tPyotr Ilyich Chaykovsky\ten\tbgn_pcgn\tx
"""
DISTINCT = """name_a\tname_b\trelation\tsource
Sergueï Choïgou\tIrina Choïgou\tsame_surname_diff_given\tx
Sergej Mironovič Kirov\tKirow\tperson_vs_place\tx
"""


def test_score_counts_pairs_and_conventions(tmp_path: Path):
    variants = tmp_path / "v.tsv"
    distinct = tmp_path / "d.tsv"
    variants.write_text(VARIANTS, encoding="utf-8")
    distinct.write_text(DISTINCT, encoding="utf-8")
    result = scorer.score(variants, distinct)
    assert result["variant_pairs"] == 3
    assert result["variant_recall"] == 1.0
    assert result["distinct_precision"] == 1.0
    # scholarly is not scored; bgn_pcgn counts as english
    assert result["convention_rows"] == 6
    assert result["convention_accuracy"] == 1.0


def test_main_prints_json_and_rejects_bad_arguments(tmp_path: Path, capsys):
    variants = tmp_path / "v.tsv"
    distinct = tmp_path / "d.tsv"
    variants.write_text(VARIANTS, encoding="utf-8")
    distinct.write_text(DISTINCT, encoding="utf-8")
    assert scorer.main([str(variants), str(distinct)]) == 0
    assert '"variant_recall": 1.0' in capsys.readouterr().out
    assert scorer.main([]) == 2
