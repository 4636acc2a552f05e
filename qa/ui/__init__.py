"""The command line, the Gradio chat (its rendering) and the feedback store."""
