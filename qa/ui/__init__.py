"""The command line, the Gradio chat (its rendering and charts) and the feedback store."""
