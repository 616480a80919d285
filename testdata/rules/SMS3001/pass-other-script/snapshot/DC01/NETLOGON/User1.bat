goto end
:end
