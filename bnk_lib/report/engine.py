"""papermill engine `bnk-inprocess`: executes the notebook's code cells in this Python process.

Why: a batch worker renders many reports; starting a Jupyter kernel and importing pandas, plotly,
matplotlib and bnk_lib again for every report costs seconds each time. This engine keeps one IPython
shell per process, resets its namespace before every notebook (no state leaks between
municipalities) and records outputs exactly like a kernel would (display_data, streams, errors), so
nbconvert exports the same document. Single reports keep the isolated kernel (papermill's default).
Limitation: a bare last expression is not displayed (cells use display()).
"""

from __future__ import annotations

import traceback
from typing import Any

from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from nbformat.v4 import new_output
from papermill.engines import Engine, papermill_engines

ENGINE_NAME = "bnk-inprocess"


class InProcessEngine(Engine):
    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any) -> None:
        shell = InteractiveShell.instance()
        shell.ast_node_interactivity = "none"
        shell.reset(new_session=False)
        count = 0
        for index, cell in enumerate(nb_man.nb.cells):
            nb_man.cell_start(cell, index)
            if cell.cell_type != "code":
                nb_man.cell_complete(cell, index)
                continue
            count += 1
            with capture_output(display=True) as captured:
                result = shell.run_cell(cell.source, store_history=False)
            outputs = []
            if captured.stdout:
                outputs.append(new_output("stream", name="stdout", text=captured.stdout))
            if captured.stderr:
                outputs.append(new_output("stream", name="stderr", text=captured.stderr))
            outputs += [new_output("display_data", data=o.data, metadata=o.metadata or {}) for o in captured.outputs]
            cell.execution_count = count
            error = result.error_before_exec or result.error_in_exec
            if error is not None:
                outputs.append(new_output("error", ename=type(error).__name__, evalue=str(error),
                                          traceback=traceback.format_exception(error)))
                cell.outputs = outputs
                nb_man.cell_exception(cell, index, exception=error)
                nb_man.cell_complete(cell, index)
                break  # like a kernel run: later cells are not executed after an error
            cell.outputs = outputs
            nb_man.cell_complete(cell, index)


papermill_engines.register(ENGINE_NAME, InProcessEngine)
